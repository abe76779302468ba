package org.fabrique.web.journey;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.audit.AuditLog;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.journey.Actor;
import org.fabrique.core.journey.ActorImport;
import org.fabrique.core.journey.ActorRow;
import org.fabrique.core.journey.JourneyService;
import org.fabrique.core.redaction.ExportProfile;
import org.fabrique.core.user.Role;
import org.fabrique.formats.table.ActorTable;
import org.fabrique.web.Downloads;
import org.fabrique.web.Requests;
import org.fabrique.web.Visitors;
import org.fabrique.web.audit.Outgoing;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.Routes;

/**
 * The actors of an inquiry as a table: downloaded as CSV (pseudonyms, never real names), completed
 * in a spreadsheet, imported back from the Journeys page or the API.
 */
public final class ActorTableRoutes {
  private final InquiryService inquiries;
  private final JourneyService journeys;
  private final AuditLog audit;
  private final Visitors visitors;

  public ActorTableRoutes(
      InquiryService inquiries, JourneyService journeys, AuditLog audit, Visitors visitors) {
    this.inquiries = inquiries;
    this.journeys = journeys;
    this.audit = audit;
    this.visitors = visitors;
  }

  public void mount(Routes routes) {
    routes.get("/inquiries/{inquiry}/actors.csv", Access.role(Role.CODER), this::download);
    routes.get("/api/inquiries/{inquiry}/actors.csv", Access.role(Role.CODER), this::download);
    routes.post("/inquiries/{inquiry}/actors/import", Access.role(Role.RESEARCHER), this::upload);
    routes.post(
        "/api/inquiries/{inquiry}/actors/import", Access.role(Role.RESEARCHER), this::upload);
  }

  private void download(Context ctx) {
    InquiryId inquiry = inquiries.get(new InquiryId(Requests.id(ctx, "inquiry"))).id();
    List<Actor> actors =
        journeys.list(inquiry, Actor.class).stream()
            .sorted(Comparator.comparing(Actor::pseudonym, String.CASE_INSENSITIVE_ORDER))
            .toList();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ActorTable.write(actors, false, out);
    Outgoing.export(audit, ctx, inquiry, "actors csv", ExportProfile.TEAM);
    Downloads.attachment(ctx, "actors-" + inquiry.value() + ".csv");
    ctx.contentType("text/csv; charset=utf-8").result(out.toByteArray());
  }

  /** What an import did, as the API answers it. */
  public record ImportedOut(int created, int updated, int unchanged) {}

  private void upload(Context ctx) {
    InquiryId inquiry = inquiries.get(new InquiryId(Requests.id(ctx, "inquiry"))).id();
    UploadedFile file = ctx.uploadedFile("file");
    if (file == null || file.filename() == null || file.filename().isBlank()) {
      throw new InvalidInputException("Choose a file to import");
    }
    Optional<CaseId> caseId =
        Optional.ofNullable(ctx.formParam("case"))
            .filter(value -> !value.isBlank())
            .map(value -> new CaseId(Requests.parseLong(value, "case")));
    List<ActorRow> rows;
    try (InputStream in = file.content()) {
      rows = ActorTable.read(in, file.filename());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ActorImport.Result result =
        journeys.importActors(visitors.of(ctx).coder().id(), inquiry, caseId, rows);
    if (ctx.path().startsWith("/api/")) {
      ctx.json(new ImportedOut(result.created(), result.updated(), result.unchanged()));
    } else {
      Requests.redirectWithNotice(
          ctx, "/inquiries/" + inquiry.value() + "/journeys#actors", "actors-imported");
    }
  }
}
