package org.fabrique.core.journey.kind;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fabrique.core.journey.ClaimKind;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.ElementOperations;
import org.fabrique.core.journey.KnowledgeClaim;
import org.fabrique.core.journey.prov.ProvAttributes;
import org.fabrique.core.journey.prov.ProvContext;
import org.fabrique.core.journey.prov.ProvName;
import org.fabrique.core.journey.prov.ProvStatement;
import org.fabrique.core.memo.ItemKind;

/**
 * Knowledge claims: PROV entities influenced by the data they are about; entries of the {@code
 * fabrique_claims} facet of those data.
 */
final class KnowledgeClaimKind extends ElementKind<KnowledgeClaim> {

  KnowledgeClaimKind() {
    super(
        ItemKind.KNOWLEDGE_CLAIM,
        KnowledgeClaim.class,
        new KindOperations<>(
            "journey.claim",
            ElementOperations.CreateKnowledgeClaim.class,
            ElementOperations.CreateKnowledgeClaim::new,
            ElementOperations.UpdateKnowledgeClaim.class,
            ElementOperations.UpdateKnowledgeClaim::new,
            ElementOperations.DeleteKnowledgeClaim.class,
            ElementOperations.DeleteKnowledgeClaim::new));
  }

  @Override
  public boolean takesParticipants() {
    return false;
  }

  @Override
  protected void rules(KnowledgeClaim claim, ElementRules rules) {
    claim.about().forEach(id -> rules.ref(id, ItemKind.DATA_OBJECT));
  }

  @Override
  protected GraphFacts facts(KnowledgeClaim claim) {
    GraphFacts.Builder facts = GraphFacts.of(claim.claimKind().id(), "");
    claim.about().forEach(a -> facts.edge(claim.id(), a, "about"));
    return facts.build();
  }

  @Override
  protected QueryFacts query(KnowledgeClaim claim) {
    return QueryFacts.of(claim.header().description());
  }

  @Override
  protected void mapProv(KnowledgeClaim claim, ProvContext prov) {
    ProvName id = prov.name(claim);
    ProvAttributes attributes =
        headerAttributes(claim)
            .fabType("KnowledgeClaim")
            .text("claimKind", claim.claimKind().id())
            .text("population", claim.population());
    prov.add(claim, new ProvStatement.Entity(id, attributes.list()));
    for (ElementId about : claim.about()) {
      prov.ref(about)
          .ifPresent(
              data ->
                  prov.add(
                      claim, new ProvStatement.Influence(prov.relation(), id, data, List.of())));
    }
  }

  @Override
  public LineageRole lineageRole() {
    return LineageRole.FACET_ENTRY;
  }

  @Override
  public LineageFacet lineageFacet() {
    return new LineageFacet("fabrique_claims", "ClaimsFacet", "claims");
  }

  @Override
  protected List<ElementId> attachedTo(KnowledgeClaim claim, LineageContext context) {
    return claim.about();
  }

  @Override
  protected Map<String, Object> entry(KnowledgeClaim claim, LineageContext context) {
    return Entry.of()
        .text("id", id() + "-" + claim.id())
        .text("statement", claim.label())
        .text("kind", claim.claimKind().id())
        .text("population", claim.population())
        .text("knownBy", claim.header().knownBy().id())
        .list("evidence", context.evidence(claim))
        .map();
  }

  @Override
  public String formPath() {
    return "claims";
  }

  @Override
  public String addKey() {
    return "journey.add.claim";
  }

  @Override
  public FormField labelField() {
    return FormField.of("label", "journey.statement", FieldType.TEXT).mandatory();
  }

  @Override
  public List<FormField> fields() {
    return List.of(
        FormField.choice(
                "claimKind",
                "journey.claimKind",
                FieldType.CHOICE,
                Arrays.stream(ClaimKind.values()).map(ClaimKind::id).toList(),
                "journey.claimKind.")
            .defaultValue(ClaimKind.LIMIT.id()),
        FormField.refs("about", "journey.about", FieldType.REFS, ItemKind.DATA_OBJECT),
        FormField.of("population", "journey.population", FieldType.TEXT));
  }

  @Override
  protected KnowledgeClaim read(ElementHeader header, FormInput input) {
    return new KnowledgeClaim(
        header,
        Forms.choice(input, "claimKind", ClaimKind::fromId, ClaimKind.LIMIT, "Unknown claim kind"),
        input.ids("about"),
        input.text("population"));
  }

  @Override
  protected KnowledgeClaim reread(KnowledgeClaim claim, ElementHeader header, FormInput input) {
    return new KnowledgeClaim(
        header,
        Forms.keep(
            input,
            "claimKind",
            claim.claimKind(),
            in ->
                Forms.choice(
                    in, "claimKind", ClaimKind::fromId, claim.claimKind(), "Unknown claim kind")),
        Forms.keep(input, "about", claim.about(), in -> in.ids("about")),
        Forms.keepText(input, "population", claim.population()));
  }

  @Override
  protected Map<String, List<String>> values(KnowledgeClaim claim) {
    return FormValues.of()
        .text("claimKind", claim.claimKind().id())
        .ids("about", claim.about())
        .text("population", claim.population())
        .map();
  }
}
