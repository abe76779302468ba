package org.fabrique.app.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.Fabrique;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.PlainText;
import org.fabrique.core.corpus.Source;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ActorType;
import org.fabrique.core.journey.Choice;
import org.fabrique.core.journey.ChoiceOption;
import org.fabrique.core.journey.ChoiceStatus;
import org.fabrique.core.journey.ClaimKind;
import org.fabrique.core.journey.ConditionChange;
import org.fabrique.core.journey.Constraint;
import org.fabrique.core.journey.ConstraintKind;
import org.fabrique.core.journey.DataObject;
import org.fabrique.core.journey.DataObjectType;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Intervention;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.JourneyService;
import org.fabrique.core.journey.KnowledgeClaim;
import org.fabrique.core.journey.KnownBy;
import org.fabrique.core.journey.Position;
import org.fabrique.core.journey.Procedure;
import org.fabrique.core.journey.Span;
import org.fabrique.core.journey.Tension;
import org.fabrique.core.journey.Use;
import org.fabrique.core.journey.UseCondition;
import org.fabrique.core.user.User;

/**
 * The journeys of the demo inquiry: the Horizon extract from the production database to the
 * Predicta model (selection → pseudonymisation → harmonisation → linkage with the validated events
 * → training set → model), with choices on the four dimensions, a resolved and an open tension, and
 * the claims linkage request; everything backed by passages of the demo's field material.
 */
final class DemoJourneys {
  private static final String COMMITTEE = "notes-2025-03-12-comite-pilotage.md";
  private static final String DM = "entretien-data-manager.txt";
  private static final String ML = "interview-ml-engineer.txt";
  private static final String LAB = "notes-2025-04-02-datalab-observation.md";

  private final Fabrique fabrique;
  private final JourneyService journeys;
  private Inquiry inquiry;
  private User user;
  private Map<String, Source> sources;

  DemoJourneys(Fabrique fabrique) {
    this.fabrique = fabrique;
    this.journeys = fabrique.journeys();
  }

  void add(Inquiry theInquiry, User theUser, Case extract, Case linkage, Map<String, Source> all) {
    this.inquiry = theInquiry;
    this.user = theUser;
    this.sources = all;

    // Actors (pseudonyms; one real name kept, confidential, to show it never leaves)
    Actor lead = actor(extract, "Scientific lead", ActorType.PERSON, null);
    Actor dm = actor(extract, "Data manager", ActorType.PERSON, "J. Mercier");
    Actor dpo = actor(extract, "Data protection officer", ActorType.PERSON, null);
    Actor mlLead = actor(extract, "Predicta ML lead", ActorType.PERSON, null);
    Actor predicta = actor(extract, "Predicta Santé", ActorType.ORGANISATION, null);
    Actor patients = actor(extract, "Patients' association", ActorType.ORGANISATION, null);
    Actor labScientist = actor(extract, "Cohort data scientist", ActorType.PERSON, null);
    Actor ethics = actor(extract, "Ethics committee", ActorType.COMMITTEE, null);
    Actor thirdParty = actor(linkage, "Trusted third party", ActorType.ORGANISATION, null);

    // Data objects of the extract
    DataObject production =
        object(
            extract,
            "Horizon production database",
            DataObjectType.SOURCE_DATABASE,
            "identifying",
            List.of(
                new UseCondition("DUO:0000007", "cardiovascular research, as consented"),
                new UseCondition("DUO:0000046", "data entrusted for public research")));
    DataObject active =
        object(
            extract,
            "Active participants extract",
            DataObjectType.DATASET,
            "identifying",
            List.of());
    DataObject pseudo =
        object(
            extract, "Pseudonymised extract", DataObjectType.DATASET, "pseudonymised", List.of());
    DataObject omop =
        object(
            extract,
            "OMOP-harmonised extract",
            DataObjectType.DATASET_VERSION,
            "pseudonymised",
            List.of());
    DataObject events =
        object(
            extract,
            "Validated cardiovascular events",
            DataObjectType.DATASET,
            "pseudonymised",
            List.of());
    DataObject labelled =
        object(
            extract,
            "Extract linked with validated events",
            DataObjectType.DATASET,
            "pseudonymised",
            List.of());
    DataObject training =
        object(
            extract, "Predicta training set", DataObjectType.DATASET, "pseudonymised", List.of());
    DataObject model =
        object(extract, "Predicta cardiovascular risk model", DataObjectType.MODEL, "", List.of());

    Intervention selection =
        intervention(
            extract,
            "Selection of active participants and requested variables",
            "selection",
            List.of(production),
            active,
            "2025-04-02T09:00:00Z",
            KnownBy.OBSERVED);
    Intervention pseudonymisation =
        intervention(
            extract,
            "Pseudonymisation by salted hash at the trusted third party",
            "pseudonymisation",
            List.of(active),
            pseudo,
            "2025-04-02T10:00:00Z",
            KnownBy.OBSERVED);
    Intervention harmonisation =
        intervention(
            extract,
            "Harmonisation to OMOP concepts",
            "harmonisation",
            List.of(pseudo),
            omop,
            "2025-04-02T11:30:00Z",
            KnownBy.OBSERVED);
    Intervention linkageOfEvents =
        intervention(
            extract,
            "Linkage with the committee-validated events (labels)",
            "linkage",
            List.of(omop, events),
            labelled,
            "2025-04-03T09:00:00Z",
            KnownBy.DECLARED);
    Intervention generalisation =
        intervention(
            extract,
            "Year of birth, département, shifted dates, rare countries grouped",
            "generalisation",
            List.of(labelled),
            training,
            "2025-04-03T14:00:00Z",
            KnownBy.OBSERVED);
    Intervention modelTraining =
        intervention(
            extract,
            "Training of the risk model on structured data",
            "model-training",
            List.of(training),
            model,
            "2025-05-15T09:00:00Z",
            KnownBy.DECLARED);

    Procedure mr004 =
        journeys.create(
            user.id(),
            new Procedure(
                header(extract, "MR-004 compliance commitment"),
                "MR-004",
                "",
                Optional.empty(),
                Optional.empty(),
                "declared by the cohort"));
    Procedure ethicsOpinion =
        journeys.create(
            user.id(),
            new Procedure(
                header(extract, "Ethics committee opinion on informing participants"),
                "ethics-committee-opinion",
                "",
                Optional.empty(),
                Optional.of(ethics.id()),
                "pending"));

    // Choices on the four dimensions
    Choice birth =
        journeys.create(
            user.id(),
            Choice.of(
                    header(extract, "Full date of birth or year of birth?"),
                    Set.of(Dimension.NATURE),
                    List.of(generalisation.id()))
                .decided(
                    List.of(
                        new ChoiceOption("full date of birth and postcode", List.of(predicta.id())),
                        new ChoiceOption("year of birth and département", List.of(dm.id()))),
                    1,
                    "Full date of birth and postcode together make some participants re-identifiable.",
                    "hierarchical",
                    List.of(lead.id()),
                    Optional.of(LocalDate.parse("2025-03-12")))
                .withConstraints(
                    List.of(
                        new Constraint(
                            ConstraintKind.LEGAL_BASIS, "A9-2-j", "", Optional.empty()))));
    evidence(
        birth,
        COMMITTEE,
        "Il propose de ne transmettre que l'année de naissance et le département.");
    evidence(birth, DM, "J'ai dit non : on passe à l'année.");

    Choice dates =
        journeys.create(
            user.id(),
            Choice.of(
                    header(extract, "Exact event dates or dates shifted per participant?"),
                    Set.of(Dimension.KNOWLEDGE, Dimension.NATURE),
                    List.of(generalisation.id()))
                .decided(
                    List.of(
                        new ChoiceOption("exact dates", List.of(predicta.id())),
                        new ChoiceOption(
                            "random shift per participant, ±180 days", List.of(dm.id()))),
                    1,
                    "Intervals between events are kept; seasonality is lost.",
                    "negotiation",
                    List.of(lead.id(), dm.id()),
                    Optional.of(LocalDate.parse("2025-03-12"))));
    evidence(dates, DM, "C'est moi qui ai proposé le décalage aléatoire par participant.");
    evidence(
        dates,
        ML,
        "But we lost seasonality, and we lost the link with calendar events like a heat wave.");

    Choice commercial =
        journeys.create(
            user.id(),
            new Choice(
                header(extract, "May a company train a commercial model on the cohort?"),
                Set.of(Dimension.USES),
                List.of(
                    new ChoiceOption("refuse", List.of(patients.id())),
                    new ChoiceOption(
                        "accept: free model for academic teams, published validation",
                        List.of(predicta.id()))),
                Optional.of(1),
                "The model would also serve public research.",
                List.of(),
                "negotiation",
                ChoiceStatus.CONTESTED,
                List.of(lead.id()),
                Optional.<LocalDate>empty(),
                List.of(generalisation.id(), modelTraining.id())));
    evidence(
        commercial,
        ML,
        "The compromise we reached is that academic teams get the model for free, and that we publish the validation.");
    evidence(commercial, COMMITTEE, "La question commerciale reste ouverte");

    Choice framework =
        journeys.create(
            user.id(),
            Choice.of(
                    header(extract, "Reference methodology MR-004 or a CNIL authorisation?"),
                    Set.of(Dimension.REGULATION),
                    List.of(selection.id()))
                .decided(
                    List.of(
                        new ChoiceOption("MR-004", List.of(dpo.id())),
                        new ChoiceOption("CNIL authorisation", List.of(dpo.id()))),
                    0,
                    "Research not involving the human person; to be reconsidered if the purpose leaves public interest.",
                    "individual",
                    List.of(dpo.id()),
                    Optional.of(LocalDate.parse("2025-03-12")))
                .withConstraints(
                    List.of(
                        new Constraint(
                            ConstraintKind.CNIL_PROCEDURE, "MR-004", "", Optional.of(mr004.id())),
                        new Constraint(
                            ConstraintKind.COMMITTEE_OPINION,
                            "",
                            "information of participants",
                            Optional.of(ethicsOpinion.id())))));
    evidence(
        framework,
        COMMITTEE,
        "La déléguée à la protection des données rappelle que le traitement relève de la méthodologie de référence MR-004");

    Choice merge =
        journeys.create(
            user.id(),
            Choice.of(
                    header(extract, "Merge the French heart-failure codes into one OMOP concept?"),
                    Set.of(Dimension.KNOWLEDGE),
                    List.of(harmonisation.id()))
                .decided(
                    List.of(
                        new ChoiceOption("keep the French codes", List.of(mlLead.id())),
                        new ChoiceOption("merge into the standard concept", List.of(dm.id()))),
                    1,
                    "It is the price of comparability.",
                    "default",
                    List.of(dm.id()),
                    Optional.empty()));
    evidence(
        merge,
        DM,
        "Par exemple plusieurs codes d'insuffisance cardiaque sont devenus un seul concept.");
    evidence(merge, LAB, "Several French codes for heart failure map to one standard concept.");

    // The commercial choice lifts the non-commercial condition and adds publication
    journeys.update(
        user.id(),
        generalisation.withConditionChanges(
            List.of(
                new ConditionChange(
                    ConditionChange.Effect.LIFT,
                    new UseCondition("DUO:0000046", ""),
                    Optional.of(commercial.id())),
                new ConditionChange(
                    ConditionChange.Effect.ADD,
                    new UseCondition("DUO:0000019", "validation published"),
                    Optional.of(commercial.id())))));

    // Tensions: one resolved by a technical workaround, one open
    Tension labValues =
        journeys.create(
            user.id(),
            Tension.open(
                    header(extract, "Precision of laboratory values against re-identification"),
                    List.of(generalisation.id()),
                    "utility-privacy",
                    List.of(
                        new Position(
                            dm.id(), "round creatinine to one decimal", "reduces uniqueness"),
                        new Position(
                            labScientist.id(),
                            "keep full precision",
                            "rounding biases kidney function estimates")))
                .resolved(
                    "technical-workaround",
                    "Full precision kept; the laboratory identifier, which reveals the town, removed.",
                    Optional.of(generalisation.id())));
    evidence(
        labValues,
        LAB,
        "They settled on keeping full precision for laboratory values but removing the laboratory identifier, which would otherwise reveal the town.");

    Tension consent =
        journeys.create(
            user.id(),
            Tension.open(
                header(extract, "Commercial use of data consented for cardiovascular research"),
                List.of(commercial.id()),
                "consent-reuse",
                List.of(
                    new Position(
                        patients.id(), "inform every participant before any transmission", ""),
                    new Position(predicta.id(), "the model also serves public research", ""),
                    new Position(lead.id(), "not opposed if it is supervised", ""))));
    evidence(
        consent,
        COMMITTEE,
        "les participants ont consenti à « des recherches sur les maladies cardiovasculaires », pas à l'entraînement d'un produit vendu à des hôpitaux.");
    evidence(consent, ML, "I am not sure it settles the question for them.");

    KnowledgeClaim women =
        journeys.create(
            user.id(),
            new KnowledgeClaim(
                header(extract, "The model is not validated for women over 75"),
                ClaimKind.CANNOT_SUPPORT,
                List.of(model.id()),
                "women over 75"));
    evidence(
        women,
        ML,
        "We will say in the documentation that the model is not validated for women over 75.");
    evidence(women, COMMITTEE, "la cohorte compte beaucoup moins de femmes de plus de 70 ans");

    journeys.create(
        user.id(),
        new Use(
            header(extract, "Training a commercial cardiovascular risk model"),
            "CommercialResearch",
            Optional.of(predicta.id()),
            List.of(training.id()),
            List.of(new UseCondition("DUO:0000019", "publish the validation")),
            Optional.of(mr004.id())));

    journeys.addParticipation(user.id(), dm.id(), "executor", selection.id());
    journeys.addParticipation(user.id(), thirdParty.id(), "data-processor", pseudonymisation.id());
    journeys.addParticipation(user.id(), dm.id(), "executor", harmonisation.id());
    journeys.addParticipation(user.id(), dm.id(), "executor", generalisation.id());
    journeys.addParticipation(user.id(), mlLead.id(), "data-scientist", modelTraining.id());
    journeys.addParticipation(user.id(), lead.id(), "decision-maker", birth.id());
    journeys.addParticipation(user.id(), lead.id(), "decision-maker", commercial.id());
    journeys.addParticipation(user.id(), dpo.id(), "data-protection-officer", framework.id());
    evidence(selection, LAB, "He ran the selection first: active participants only");
    evidence(
        pseudonymisation,
        DM,
        "On remplace l'identifiant de la cohorte par un pseudonyme calculé avec un hachage salé.");
    evidence(harmonisation, LAB, "Before lunch he ran the harmonisation to OMOP concepts");

    // The claims linkage request: proposed, waiting for an authorisation
    DataObject claims =
        object(
            linkage,
            "National claims (SNDS) extract",
            DataObjectType.SOURCE_DATABASE,
            "pseudonymised",
            List.of());
    DataObject cohortForLinkage =
        object(
            linkage,
            "Horizon participants for linkage",
            DataObjectType.DATASET,
            "identifying",
            List.of());
    DataObject linked =
        object(
            linkage,
            "Cohort linked with claims (requested)",
            DataObjectType.DATASET,
            "pseudonymised",
            List.of());
    Intervention indirect =
        intervention(
            linkage,
            "Indirect linkage by the trusted third party",
            "linkage",
            List.of(cohortForLinkage, claims),
            linked,
            null,
            KnownBy.DECLARED);
    journeys.addParticipation(user.id(), thirdParty.id(), "data-processor", indirect.id());
    Choice authorisation =
        journeys.create(
            user.id(),
            Choice.of(
                header(linkage, "Ask the CNIL for an authorisation to link with the SNDS?"),
                Set.of(Dimension.REGULATION, Dimension.NATURE),
                List.of(indirect.id())));
    evidence(
        authorisation,
        DM,
        "Là, on n'est plus du tout dans la MR-004 simple, il faut une autorisation.");
    evidence(indirect, DM, "Pour ça il faut un appariement indirect par le tiers de confiance");
  }

  private ElementHeader header(Case theCase, String label) {
    return ElementHeader.of(journeys.newId(), inquiry.id(), theCase.id(), label);
  }

  private Actor actor(Case theCase, String pseudonym, ActorType type, String realName) {
    return journeys.create(
        user.id(),
        new Actor(
            header(theCase, pseudonym).withConfidentiality(Confidentiality.CONFIDENTIAL),
            type,
            Optional.ofNullable(realName)));
  }

  private DataObject object(
      Case theCase,
      String label,
      DataObjectType type,
      String identifiability,
      List<UseCondition> conditions) {
    return journeys.create(
        user.id(),
        DataObject.of(header(theCase, label), type)
            .withIdentifiability(identifiability)
            .withUseConditions(conditions));
  }

  private Intervention intervention(
      Case theCase,
      String label,
      String type,
      List<DataObject> inputs,
      DataObject output,
      String start,
      KnownBy how) {
    return journeys.create(
        user.id(),
        Intervention.of(
                header(theCase, label).withKnownBy(how),
                type,
                inputs.stream().map(DataObject::id).toList(),
                List.of(output.id()))
            .withTimes(Optional.ofNullable(start).map(Instant::parse), Optional.empty()));
  }

  private void evidence(JourneyElement element, String file, String phrase) {
    Source source = sources.get(file);
    PlainText text = fabrique.corpus().text(source.id());
    int[] span = DemoInquiry.find(text, phrase, file);
    ElementId id = element.id();
    journeys.addEvidence(user.id(), id, source.id(), Optional.of(new Span(span[0], span[1])), "");
  }
}
