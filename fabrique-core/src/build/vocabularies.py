#!/usr/bin/env python3
"""Builds Fabrique's vocabulary resource files.

Run from the repository root:  python3 fabrique-core/src/build/vocabularies.py ../shared/fixtures/vocabularies
Terms from DUO (CC BY 4.0) and W3C DPV 2.1 (W3C Software and Document Licence) are read from the
fixtures; French labels and our own vocabularies are written here. See the NOTICE next to the files.
"""
import csv, io, sys, pathlib

VERSION = "2026.11.1"
OUT = pathlib.Path(__file__).resolve().parents[1] / "main/resources/org/fabrique/core/vocabulary"
SRC = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/fixtures/vocabularies")

def write(name, source, rows):
    OUT.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    buf.write(f"# fabrique-vocabulary: {name}\n# version: {VERSION}\n# source: {source}\n")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "iri", "label_en", "label_fr", "mappings"])
    for r in rows:
        w.writerow(r)
    (OUT / f"{name}.csv").write_text(buf.getvalue(), encoding="utf-8")

DUO_FR = {
 "DUO:0000021": "approbation éthique requise", "DUO:0000006": "recherche en santé, médicale ou biomédicale",
 "DUO:0000019": "publication requise", "DUO:0000026": "restriction à des utilisateurs désignés",
 "DUO:0000044": "recherche sur les origines ou l'ascendance des populations interdite",
 "DUO:0000020": "collaboration requise", "DUO:0000046": "usage non commercial uniquement",
 "DUO:0000018": "usage à but non lucratif et non commercial uniquement", "DUO:0000012": "restrictions propres à une recherche",
 "DUO:0000025": "durée d'utilisation limitée", "DUO:0000004": "aucune restriction",
 "DUO:0000045": "usage par des organismes à but non lucratif uniquement", "DUO:0000017": "modificateur d'usage des données",
 "DUO:0000011": "recherche sur les origines ou l'ascendance des populations uniquement", "DUO:0000024": "moratoire de publication",
 "DUO:0000016": "études génétiques uniquement", "DUO:0000029": "retour à la base ou à la ressource",
 "DUO:0000043": "usage pour les soins", "DUO:0000015": "pas de recherche méthodologique générale",
 "DUO:0000028": "restriction à un établissement", "DUO:0000022": "restriction géographique",
 "DUO:0000007": "recherche sur une maladie donnée", "DUO:0000001": "permission d'usage des données",
 "DUO:0000042": "usage général pour la recherche", "DUO:0000027": "restriction à un projet",
}
rows = []
for r in csv.DictReader(open(SRC / "duo/duo.csv", encoding="utf-8")):
    iri = "http://purl.obolibrary.org/obo/" + r["id"].replace(":", "_")
    rows.append([r["id"], iri, r["label"], DUO_FR[r["id"]], f"shorthand={r['shorthand']}" if r["shorthand"] else ""])
write("duo", "GA4GH Data Use Ontology (EBISPOT/DUO 81f5c3d), CC BY 4.0", rows)

PROC_FR = {
 "Access": "Accéder", "Acquire": "Acquérir", "Adapt": "Adapter", "Aggregate": "Agréger", "Align": "Aligner",
 "Alter": "Altérer", "Analyse": "Analyser", "Anonymise": "Anonymiser", "Assess": "Évaluer", "Collect": "Collecter",
 "Combine": "Combiner", "Consult": "Consulter", "Copy": "Copier", "CrossBorderTransfer": "Transfert transfrontalier",
 "Delete": "Supprimer", "Derive": "Dériver", "Destruct": "Détruire", "Disclose": "Divulguer",
 "DiscloseByTransmission": "Divulguer par transmission", "Display": "Afficher", "Disseminate": "Diffuser",
 "Download": "Télécharger", "Erase": "Effacer", "Export": "Exporter", "Filter": "Filtrer", "Format": "Formater",
 "Generate": "Générer", "Infer": "Inférer", "MakeAvailable": "Mettre à disposition", "Match": "Apparier",
 "Modify": "Modifier", "Monitor": "Surveiller", "Move": "Déplacer", "Observe": "Observer", "Obtain": "Obtenir",
 "Organise": "Organiser", "Processing": "Traitement", "Profiling": "Profilage", "Pseudonymise": "Pseudonymiser",
 "Query": "Interroger", "Record": "Enregistrer", "Reformat": "Reformater", "Remove": "Retirer",
 "Restrict": "Restreindre", "Retrieve": "Extraire", "Screen": "Trier", "Share": "Partager", "Store": "Conserver",
 "Structure": "Structurer", "Tracking": "Suivi", "TrackingByFirstParty": "Suivi par la partie première",
 "TrackingByThirdParty": "Suivi par un tiers", "Transfer": "Transférer", "Transform": "Transformer",
 "Transmit": "Transmettre", "Use": "Utiliser",
}
rows = []
for r in csv.DictReader(open(SRC / "dpv-2.1/dpv-processing.csv", encoding="utf-8")):
    if r["type"] != "class":
        continue
    broader = r["hasbroader"].replace("https://w3id.org/dpv#", "dpv:")
    rows.append([r["term"], r["iri"], r["label"], PROC_FR[r["term"]], f"broader={broader}" if broader else ""])
write("processing", "W3C Data Privacy Vocabulary 2.1, processing module (w3c/dpv f01a55c), W3C Software and Document Licence", rows)

LB_FR = {
 "A6-1-a": "Art. 6(1-a) consentement", "A6-1-a-explicit-consent": "Art. 6(1-a) consentement explicite",
 "A6-1-a-non-explicit-consent": "Art. 6(1-a) consentement ordinaire", "A6-1-b": "Art. 6(1-b) contrat",
 "A6-1-b-contract-performance": "Art. 6(1-b) exécution d'un contrat", "A6-1-b-enter-into-contract": "Art. 6(1-b) conclusion d'un contrat",
 "A6-1-c": "Art. 6(1-c) obligation légale", "A6-1-d": "Art. 6(1-d) sauvegarde des intérêts vitaux",
 "A6-1-d-data-subject": "Art. 6(1-d) intérêts vitaux de la personne concernée", "A6-1-d-natural-person": "Art. 6(1-d) intérêts vitaux d'une personne physique",
 "A6-1-e": "Art. 6(1-e) mission d'intérêt public ou autorité publique", "A6-1-e-official-authority": "Art. 6(1-e) exercice de l'autorité publique",
 "A6-1-e-public-interest": "Art. 6(1-e) mission d'intérêt public", "A6-1-f": "Art. 6(1-f) intérêt légitime",
 "A6-1-f-controller": "Art. 6(1-f) intérêt légitime du responsable", "A6-1-f-third-party": "Art. 6(1-f) intérêt légitime d'un tiers",
 "Consent": "Consentement",
 "A9-2-a": "Art. 9(2-a) consentement explicite", "A9-2-b": "Art. 9(2-b) droit du travail, de la sécurité sociale et de la protection sociale",
 "A9-2-c": "Art. 9(2-c) sauvegarde des intérêts vitaux", "A9-2-d": "Art. 9(2-d) activités légitimes d'un organisme",
 "A9-2-e": "Art. 9(2-e) données rendues publiques", "A9-2-f": "Art. 9(2-f) action en justice",
 "A9-2-g": "Art. 9(2-g) intérêt public important", "A9-2-h": "Art. 9(2-h) médecine et santé",
 "A9-2-i": "Art. 9(2-i) intérêt public dans le domaine de la santé publique",
 "A9-2-j": "Art. 9(2-j) archives, recherche scientifique ou statistiques",
}
rows = []
for f in ["legal-eu-gdpr-legal_basis.csv", "legal-eu-gdpr-legal_basis_special.csv"]:
    for r in csv.DictReader(open(SRC / "dpv-2.1" / f, encoding="utf-8")):
        if r["type"] == "class":
            rows.append([r["term"], r["iri"], r["label"], LB_FR[r["term"]], ""])
write("legal-bases", "W3C Data Privacy Vocabulary 2.1, EU GDPR legal bases (w3c/dpv f01a55c), W3C Software and Document Licence", rows)

STATES = [("identifying", "IdentifyingPersonalData", "identifying", "identifiantes"),
          ("pseudonymised", "PseudonymisedData", "pseudonymised", "pseudonymisées"),
          ("contextually-anonymised", "ContextuallyAnonymisedData", "contextually anonymised", "anonymisées en contexte"),
          ("anonymised", "AnonymisedData", "anonymised", "anonymisées"),
          ("synthetic", "SyntheticData", "synthetic", "synthétiques"),
          ("non-personal", "NonPersonalData", "non-personal", "non personnelles")]
known = {r["term"]: r for r in csv.DictReader(open(SRC / "dpv-2.1/dpv-personal_data.csv", encoding="utf-8"))}
write("identifiability", "W3C Data Privacy Vocabulary 2.1, personal data module (w3c/dpv f01a55c), W3C Software and Document Licence",
      [[i, known[t]["iri"], en, fr, f"dpv=dpv:{t}"] for i, t, en, fr in STATES])

PURPOSES = {"AcademicResearch": "Recherche académique", "CommercialResearch": "Recherche commerciale",
            "NonCommercialResearch": "Recherche non commerciale", "ScientificResearch": "Recherche scientifique",
            "ResearchAndDevelopment": "Recherche et développement", "ImproveHealthcare": "Amélioration des soins",
            "ProvideOfficialStatistics": "Statistique publique", "PublicBenefit": "Bénéfice public",
            "PublicPolicyMaking": "Élaboration des politiques publiques", "DataAltruism": "Altruisme en matière de données",
            "CommercialPurpose": "Finalité commerciale", "NonCommercialPurpose": "Finalité non commerciale",
            "SellDataToThirdParties": "Vente de données à des tiers", "SellInsightsFromData": "Vente de connaissances tirées des données",
            "ImproveExistingProductsAndServices": "Amélioration de produits et services",
            "LegalCompliance": "Conformité légale", "RecordManagement": "Gestion des dossiers"}
rows = []
for r in csv.DictReader(open(SRC / "dpv-2.1/dpv-purposes.csv", encoding="utf-8")):
    if r["term"] in PURPOSES:
        rows.append([r["term"], r["iri"], r["label"], PURPOSES[r["term"]], ""])
write("purposes", "W3C Data Privacy Vocabulary 2.1, purposes module, selection (w3c/dpv f01a55c), W3C Software and Document Licence", rows)

OWN = "Fabrique"
DPV = "https://w3id.org/dpv#"
# id, en, fr, DPV processing, OpenLineage transformation type/subtype
INTERVENTIONS = [
 ("extraction", "extraction", "extraction", "Retrieve", "DIRECT/IDENTITY"),
 ("selection", "selection of records", "sélection d'enregistrements", "Filter", "INDIRECT/FILTER"),
 ("recoding", "recoding a variable", "recodage d'une variable", "Transform", "DIRECT/TRANSFORMATION"),
 ("pseudonymisation", "pseudonymisation", "pseudonymisation", "Pseudonymise", "DIRECT/TRANSFORMATION"),
 ("anonymisation", "anonymisation", "anonymisation", "Anonymise", "DIRECT/TRANSFORMATION"),
 ("harmonisation", "harmonisation to a common data model", "harmonisation vers un modèle commun", "Structure", "DIRECT/TRANSFORMATION"),
 ("linkage", "linkage of sources", "appariement de sources", "Match", "INDIRECT/JOIN"),
 ("cleaning", "cleaning", "nettoyage", "Modify", "DIRECT/TRANSFORMATION"),
 ("imputation", "imputation", "imputation", "Generate", "DIRECT/TRANSFORMATION"),
 ("aggregation", "aggregation", "agrégation", "Aggregate", "DIRECT/AGGREGATION"),
 ("small-cell-suppression", "small-cell suppression", "suppression des petits effectifs", "Restrict", "INDIRECT/CONDITIONAL"),
 ("generalisation", "generalisation", "généralisation", "Transform", "DIRECT/TRANSFORMATION"),
 ("noise-addition", "noise addition", "ajout de bruit", "Alter", "DIRECT/TRANSFORMATION"),
 ("labelling", "labelling", "annotation", "Derive", "DIRECT/TRANSFORMATION"),
 ("feature-engineering", "feature engineering", "construction de variables", "Derive", "DIRECT/TRANSFORMATION"),
 ("training-set-construction", "training set construction", "constitution d'un jeu d'entraînement", "Combine", "INDIRECT/FILTER"),
 ("model-training", "model training", "entraînement d'un modèle", "Infer", "DIRECT/TRANSFORMATION"),
 ("synthesis", "synthetic data generation", "génération de données synthétiques", "Generate", "DIRECT/TRANSFORMATION"),
 ("analysis", "analysis", "analyse", "Analyse", "DIRECT/AGGREGATION"),
 ("transfer", "transfer", "transfert", "Transfer", "DIRECT/IDENTITY"),
 ("publication", "publication", "publication", "MakeAvailable", "DIRECT/IDENTITY"),
 ("storage", "storage", "conservation", "Store", "DIRECT/IDENTITY"),
 ("deletion", "deletion", "suppression", "Erase", "INDIRECT/FILTER"),
 ("other", "other intervention", "autre intervention", "Processing", "DIRECT/TRANSFORMATION"),
]
write("intervention-types", OWN + "; DPV processing IRIs and OpenLineage column-lineage transformation types as mappings",
      [[i, "", en, fr, f"dpv=dpv:{d};openlineage={o}"] for i, en, fr, d, o in INTERVENTIONS])

def simple(name, items, source=OWN):
    write(name, source, [[i, "", en, fr, m] for i, en, fr, m in items])

simple("roles", [
 ("data-controller", "data controller", "responsable de traitement", "dpv=dpv:DataController"),
 ("data-processor", "data processor", "sous-traitant", "dpv=dpv:DataProcessor"),
 ("data-manager", "data manager", "gestionnaire de données", ""),
 ("data-steward", "data steward", "intendant des données", ""),
 ("data-protection-officer", "data protection officer", "délégué à la protection des données", ""),
 ("principal-investigator", "principal investigator", "investigateur principal", ""),
 ("statistician", "statistician", "statisticien·ne", ""),
 ("data-scientist", "data scientist", "data scientist", ""),
 ("bioinformatician", "bioinformatician", "bioinformaticien·ne", ""),
 ("clinician", "clinician", "clinicien·ne", ""),
 ("requester", "requester", "demandeur", ""),
 ("decision-maker", "decision maker", "décideur", ""),
 ("reviewer", "reviewer", "évaluateur", ""),
 ("executor", "executor", "exécutant", ""),
 ("funder", "funder", "financeur", ""),
 ("patient-representative", "patient representative", "représentant des patients", ""),
 ("regulator", "regulator", "régulateur", ""),
 ("other", "other role", "autre rôle", ""),
])
simple("decision-modes", [
 ("individual", "individual decision", "décision individuelle", ""),
 ("consensus", "consensus", "consensus", ""),
 ("negotiation", "negotiated agreement", "accord négocié", ""),
 ("vote", "vote", "vote", ""),
 ("hierarchical", "hierarchical decision", "décision hiérarchique", ""),
 ("committee-opinion", "committee opinion", "avis de comité", ""),
 ("delegation", "delegation", "délégation", ""),
 ("default", "by default (tool or habit)", "par défaut (outil ou habitude)", ""),
 ("imposed", "imposed from outside", "imposée de l'extérieur", ""),
])
simple("resolution-modes", [
 ("negotiation", "negotiation", "négociation", ""),
 ("arbitration", "arbitration", "arbitrage", ""),
 ("technical-workaround", "technical workaround", "contournement technique", ""),
 ("appeal-to-regulation", "appeal to regulation", "recours à la réglementation", ""),
 ("deferral", "deferral", "report", ""),
 ("exit", "exit", "retrait", ""),
 ("compromise", "compromise", "compromis", ""),
 ("other", "other", "autre", ""),
])
simple("tension-natures", [
 ("utility-privacy", "utility against privacy", "utilité contre protection de la vie privée", ""),
 ("openness-control", "openness against control", "ouverture contre contrôle", ""),
 ("scientific-commercial", "scientific against commercial interests", "intérêts scientifiques contre commerciaux", ""),
 ("speed-rigour", "speed against rigour", "rapidité contre rigueur", ""),
 ("standardisation-specificity", "standardisation against local specificity", "standardisation contre spécificité locale", ""),
 ("consent-reuse", "original consent against new use", "consentement initial contre nouvel usage", ""),
 ("representativeness", "representativeness of the population", "représentativité de la population", ""),
 ("ownership", "ownership and credit", "propriété et reconnaissance", ""),
 ("other", "other", "autre", ""),
])
simple("procedures", [
 ("gdpr-legal-basis", "GDPR legal basis", "base légale RGPD", ""),
 ("MR-001", "CNIL MR-001 (research involving the human person)", "CNIL MR-001 (recherches impliquant la personne humaine)", "cnil=MR-001"),
 ("MR-002", "CNIL MR-002 (non-interventional studies of medical devices)", "CNIL MR-002 (études non interventionnelles de performances des dispositifs médicaux)", "cnil=MR-002"),
 ("MR-003", "CNIL MR-003 (research not involving the human person, no consent)", "CNIL MR-003 (recherches n'impliquant pas la personne humaine, sans consentement)", "cnil=MR-003"),
 ("MR-004", "CNIL MR-004 (research not involving the human person)", "CNIL MR-004 (recherches n'impliquant pas la personne humaine)", "cnil=MR-004"),
 ("MR-005", "CNIL MR-005 (hospital PMSI data by research bodies)", "CNIL MR-005 (données PMSI par les établissements de santé)", "cnil=MR-005"),
 ("MR-006", "CNIL MR-006 (PMSI data by industry)", "CNIL MR-006 (données PMSI par les industriels)", "cnil=MR-006"),
 ("MR-007", "CNIL MR-007 (SNDS data for research)", "CNIL MR-007 (données du SNDS pour la recherche)", "cnil=MR-007"),
 ("MR-008", "CNIL MR-008 (SNDS data for monitoring)", "CNIL MR-008 (données du SNDS pour le suivi)", "cnil=MR-008"),
 ("cnil-authorisation", "CNIL authorisation", "autorisation CNIL", ""),
 ("ethics-committee-opinion", "ethics committee opinion", "avis de comité d'éthique", ""),
 ("cesrees-opinion", "CESREES opinion", "avis du CESREES", ""),
 ("data-access-decision", "data access committee decision", "décision de comité d'accès aux données", ""),
 ("data-permit", "data permit", "autorisation de traitement (permis)", ""),
 ("impact-assessment", "data protection impact assessment", "analyse d'impact relative à la protection des données", "dpv=dpv:DPIA"),
 ("consent-collection", "consent collection", "recueil du consentement", ""),
 ("information-notice", "information of data subjects", "information des personnes", ""),
 ("contract", "data sharing agreement", "convention de partage de données", ""),
 ("other", "other regulatory act", "autre acte réglementaire", ""),
])
simple("health-categories", [
 ("ehr", "electronic health records", "dossiers médicaux électroniques", "ehds=EHR"),
 ("claims", "health insurance claims", "données de remboursement", "ehds=CLAIMS"),
 ("registry", "disease registry", "registre de maladie", "ehds=REGISTRY"),
 ("genetic", "genetic and genomic data", "données génétiques et génomiques", "ehds=GENETIC"),
 ("imaging", "medical imaging", "imagerie médicale", "ehds=IMAGING"),
 ("clinical-trial", "clinical trial data", "données d'essais cliniques", "ehds=CLINICAL_TRIAL"),
 ("cohort", "cohort study data", "données de cohorte", ""),
 ("survey", "health survey", "enquête de santé", "ehds=SURVEY"),
 ("biobank", "biobank samples data", "données de biobanque", "ehds=BIOBANK"),
 ("wellness", "wellness and device data", "données de bien-être et d'objets connectés", "ehds=WELLNESS"),
 ("socio-economic", "socio-economic determinants", "déterminants socio-économiques", "ehds=SOCIO_ECONOMIC"),
 ("other", "other", "autre", ""),
])
simple("domains", [
 ("cohort", "cohort", "cohorte", ""), ("registry", "registry", "registre", ""),
 ("clinical-trial", "clinical trial", "essai clinique", ""),
 ("hospital-data-warehouse", "hospital data warehouse", "entrepôt de données de santé hospitalier", ""),
 ("claims", "claims (SNDS)", "données de remboursement (SNDS)", ""),
 ("genomics", "genomics and biobanks", "génomique et biobanques", ""), ("imaging", "imaging", "imagerie", ""),
 ("ai-model", "AI model", "modèle d'IA", ""), ("survey", "survey", "enquête", ""), ("other", "other", "autre", ""),
])
