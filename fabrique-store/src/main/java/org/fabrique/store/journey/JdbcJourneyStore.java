package org.fabrique.store.journey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.Evidence;
import org.fabrique.core.journey.EvidenceCoverage;
import org.fabrique.core.journey.Flow;
import org.fabrique.core.journey.InquiryTerm;
import org.fabrique.core.journey.JourneyElement;
import org.fabrique.core.journey.JourneyStore;
import org.fabrique.core.journey.Participation;
import org.fabrique.core.journey.kind.ElementKinds;
import org.fabrique.core.journey.query.SavedQuery;
import org.fabrique.core.memo.ItemKind;
import org.fabrique.core.memo.ItemRef;
import org.fabrique.store.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/** Journeys in the {@code journey_*} tables (migrations V20, V180 and V182). */
public final class JdbcJourneyStore implements JourneyStore {
  /** Element JSON, made when first needed: a transaction that reads no journey loads no Jackson. */
  private static final class Json {
    static final ElementJson INSTANCE = new ElementJson();
  }

  private final Handle handle;
  private final JdbcSavedQueries savedQueries;
  private final JdbcJourneySlices slices;
  private final JdbcComparisonReports reports;
  private final JdbcInquiryTerms terms;
  private final JdbcParticipations participations;
  private final JdbcEvidence evidenceTable;

  public JdbcJourneyStore(Handle handle) {
    this.handle = handle;
    this.savedQueries = new JdbcSavedQueries(handle);
    this.slices = new JdbcJourneySlices(handle, JdbcJourneyStore::element);
    this.reports = new JdbcComparisonReports(handle);
    this.terms = new JdbcInquiryTerms(handle);
    this.participations = new JdbcParticipations(handle);
    this.evidenceTable = new JdbcEvidence(handle);
  }

  @Override
  public List<JourneyElement> latest(CaseId caseId, Set<ItemKind> kinds, int limit) {
    return slices.latest(caseId, kinds, limit);
  }

  @Override
  public List<JourneyElement> latest(InquiryId inquiry, Set<ItemKind> kinds, int limit) {
    return slices.latest(inquiry, kinds, limit);
  }

  @Override
  public Map<ItemKind, Long> countByKind(CaseId caseId) {
    return slices.countByKind(caseId);
  }

  @Override
  public Map<ItemKind, Long> countByKind(InquiryId inquiry) {
    return slices.countByKind(inquiry);
  }

  @Override
  public EvidenceCoverage.Share evidenceShare(CaseId caseId) {
    return slices.evidenceShare(caseId);
  }

  @Override
  public void putQuery(SavedQuery query) {
    savedQueries.put(query);
  }

  @Override
  public void deleteQuery(ElementId id) {
    savedQueries.delete(id);
  }

  @Override
  public Optional<SavedQuery> findQuery(ElementId id) {
    return savedQueries.find(id);
  }

  @Override
  public List<SavedQuery> queries(InquiryId inquiry) {
    return savedQueries.of(inquiry);
  }

  @Override
  public void keepReport(org.fabrique.core.journey.ComparisonReport report) {
    reports.keep(report);
  }

  @Override
  public List<org.fabrique.core.journey.ComparisonReport> reports(String digest) {
    return reports.of(digest);
  }

  @Override
  public java.util.Set<String> reportDigests() {
    return reports.digests();
  }

  @Override
  public void insert(JourneyElement element) {
    handle
        .createUpdate(
            """
            INSERT INTO journey_elements (id, inquiry_id, case_id, kind, label, external_name, body)
            VALUES (:id, :inquiry, :caseId, :kind, :label, :externalName, :body)""")
        .bind("id", element.id().value())
        .bind("inquiry", element.inquiryId().value())
        .bind("caseId", element.header().caseId().map(c -> c.value()).orElse(null))
        .bind("kind", element.kind().id())
        .bind("label", element.label())
        .bind("externalName", element.externalName())
        .bind("body", Json.INSTANCE.write(element))
        .execute();
    writeLinks(element);
    touchIfFlows(element);
  }

  @Override
  public void update(JourneyElement element) {
    int rows =
        handle
            .createUpdate(
                """
                UPDATE journey_elements SET case_id = :caseId, label = :label,
                  external_name = :externalName, body = :body
                WHERE id = :id AND kind = :kind""")
            .bind("id", element.id().value())
            .bind("caseId", element.header().caseId().map(c -> c.value()).orElse(null))
            .bind("kind", element.kind().id())
            .bind("label", element.label())
            .bind("externalName", element.externalName())
            .bind("body", Json.INSTANCE.write(element))
            .execute();
    Rows.requireOne(rows, "Journey element " + element.id());
    deleteLinks(element.id());
    writeLinks(element);
    touchIfFlows(element);
  }

  @Override
  public void delete(ElementId id) {
    Optional<JourneyElement> element = find(id);
    deleteLinks(id);
    Rows.deleteById(handle, "journey_elements", id.value(), "Journey element " + id);
    element.ifPresent(this::touchIfFlows);
  }

  private void writeLinks(JourneyElement element) {
    List<ElementId> refs = element.references();
    if (!refs.isEmpty()) {
      PreparedBatch batch =
          handle.prepareBatch("INSERT INTO journey_refs (element_id, ref_id) VALUES (:e, :r)");
      for (ElementId ref : refs) {
        batch.bind("e", element.id().value()).bind("r", ref.value()).add();
      }
      batch.execute();
    }
    List<Flow> flows = ElementKinds.of(element).flows(element);
    if (!flows.isEmpty()) {
      PreparedBatch batch =
          handle.prepareBatch(
              """
              INSERT INTO journey_flows (inquiry_id, intervention_id, data_object_id, direction,
                ordinal, happened_at, version_name)
              VALUES (:inquiry, :intervention, :object, :direction, :ordinal, :at, :version)""");
      int ordinal = 0;
      for (Flow flow : flows) {
        batch
            .bind("inquiry", element.inquiryId().value())
            .bind("intervention", flow.intervention().value())
            .bind("object", flow.dataObject().value())
            .bind("direction", flow.direction().name())
            .bind("ordinal", ordinal++)
            .bind("at", flow.at().map(Instant::toString).orElse(null))
            .bind("version", flow.version())
            .add();
      }
      batch.execute();
    }
  }

  private void deleteLinks(ElementId id) {
    handle
        .createUpdate("DELETE FROM journey_refs WHERE element_id = :id")
        .bind("id", id.value())
        .execute();
    handle
        .createUpdate("DELETE FROM journey_flows WHERE intervention_id = :id")
        .bind("id", id.value())
        .execute();
  }

  /** Only kinds that carry flows change the lineage index; it depends on nothing else. */
  private void touchIfFlows(JourneyElement element) {
    if (ElementKinds.of(element).carriesFlows()) {
      touch(element.inquiryId());
    }
  }

  private void touch(InquiryId inquiry) {
    handle
        .createUpdate(
            """
            INSERT INTO journey_revisions (inquiry_id, revision) VALUES (:inquiry, 1)
            ON CONFLICT (inquiry_id) DO UPDATE SET revision = journey_revisions.revision + 1""")
        .bind("inquiry", inquiry.value())
        .execute();
  }

  @Override
  public Optional<JourneyElement> find(ElementId id) {
    return handle
        .createQuery("SELECT kind, body FROM journey_elements WHERE id = :id")
        .bind("id", id.value())
        .map(JdbcJourneyStore::element)
        .findOne();
  }

  @Override
  public List<JourneyElement> findAll(Collection<ElementId> ids) {
    List<JourneyElement> found = new ArrayList<>(ids.size());
    List<Long> all = ids.stream().map(ElementId::value).toList();
    for (int from = 0; from < all.size(); from += 500) {
      List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
      found.addAll(
          handle
              .createQuery("SELECT kind, body FROM journey_elements WHERE id IN (<ids>)")
              .bindList("ids", chunk)
              .map(JdbcJourneyStore::element)
              .list());
    }
    return found;
  }

  @Override
  public List<JourneyElement> list(InquiryId inquiry) {
    return handle
        .createQuery("SELECT kind, body FROM journey_elements WHERE inquiry_id = :i ORDER BY id")
        .bind("i", inquiry.value())
        .map(JdbcJourneyStore::element)
        .list();
  }

  @Override
  public List<JourneyElement> list(InquiryId inquiry, ItemKind kind) {
    return handle
        .createQuery(
            "SELECT kind, body FROM journey_elements WHERE inquiry_id = :i AND kind = :k ORDER BY"
                + " id")
        .bind("i", inquiry.value())
        .bind("k", kind.id())
        .map(JdbcJourneyStore::element)
        .list();
  }

  @Override
  public Optional<JourneyElement> findByExternalName(
      InquiryId inquiry, ItemKind kind, String name) {
    return handle
        .createQuery(
            """
            SELECT kind, body FROM journey_elements
            WHERE inquiry_id = :i AND kind = :k AND external_name = :n ORDER BY id""")
        .bind("i", inquiry.value())
        .bind("k", kind.id())
        .bind("n", name)
        .map(JdbcJourneyStore::element)
        .findFirst();
  }

  @Override
  public List<JourneyElement> referencing(ElementId id) {
    return handle
        .createQuery(
            """
            SELECT kind, body FROM journey_elements WHERE id IN
              (SELECT element_id FROM journey_refs WHERE ref_id = :id) ORDER BY id""")
        .bind("id", id.value())
        .map(JdbcJourneyStore::element)
        .list();
  }

  @Override
  public List<Flow> flows(InquiryId inquiry) {
    return handle
        .createQuery(
            """
            SELECT intervention_id, data_object_id, direction, happened_at, version_name
            FROM journey_flows WHERE inquiry_id = :i ORDER BY intervention_id, ordinal""")
        .bind("i", inquiry.value())
        .map(
            (rs, ctx) ->
                new Flow(
                    new ElementId(rs.getLong(1)),
                    new ElementId(rs.getLong(2)),
                    Flow.Direction.valueOf(rs.getString(3)),
                    Optional.ofNullable(rs.getString(4)).map(Instant::parse),
                    rs.getString(5)))
        .list();
  }

  @Override
  public long revision(InquiryId inquiry) {
    return handle
        .createQuery("SELECT revision FROM journey_revisions WHERE inquiry_id = :i")
        .bind("i", inquiry.value())
        .mapTo(Long.class)
        .findOne()
        .orElse(0L);
  }

  @Override
  public void insertParticipation(Participation participation) {
    participations.insert(participation);
  }

  @Override
  public void deleteParticipation(ElementId id) {
    participations.delete(id);
  }

  @Override
  public Optional<Participation> findParticipation(ElementId id) {
    return participations.find(id);
  }

  @Override
  public List<Participation> participations(InquiryId inquiry) {
    return participations.of(inquiry);
  }

  @Override
  public List<Participation> participationsOf(ItemRef ref) {
    return participations.of(ref);
  }

  @Override
  public void insertEvidence(Evidence evidence) {
    evidenceTable.insert(evidence);
  }

  @Override
  public void deleteEvidence(ElementId id) {
    evidenceTable.delete(id);
  }

  @Override
  public Optional<Evidence> findEvidence(ElementId id) {
    return evidenceTable.find(id);
  }

  @Override
  public List<Evidence> evidence(InquiryId inquiry) {
    return evidenceTable.of(inquiry);
  }

  @Override
  public List<Evidence> evidenceOf(ItemRef element) {
    return evidenceTable.of(element);
  }

  @Override
  public List<Evidence> evidenceInSource(SourceId source) {
    return evidenceTable.inSource(source);
  }

  @Override
  public void insertTerm(InquiryTerm term) {
    terms.insert(term);
  }

  @Override
  public void deleteTerm(ElementId id) {
    terms.delete(id);
  }

  @Override
  public Optional<InquiryTerm> findTerm(ElementId id) {
    return terms.find(id);
  }

  @Override
  public List<InquiryTerm> terms(InquiryId inquiry) {
    return terms.of(inquiry);
  }

  private static JourneyElement element(ResultSet rs, StatementContext context)
      throws SQLException {
    return Json.INSTANCE.read(rs.getString("kind"), rs.getString("body"));
  }
}
