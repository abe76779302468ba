package org.fabrique.web.coding;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.analysis.MatrixExport;
import org.fabrique.core.audit.AuditLog;
import org.fabrique.core.coding.Code;
import org.fabrique.core.coding.CodeId;
import org.fabrique.core.coding.CodingService;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.redaction.ExportProfile;
import org.fabrique.core.redaction.ExportProfiles;
import org.fabrique.core.redaction.ExportScope;
import org.fabrique.core.redaction.RedactionService;
import org.fabrique.core.user.Role;
import org.fabrique.formats.table.CodingsCsvExporter;
import org.fabrique.web.Downloads;
import org.fabrique.web.Requests;
import org.fabrique.web.audit.Outgoing;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.AccessCheck;
import org.fabrique.web.auth.Routes;

/**
 * Codings as a CSV or XLSX table, from the inquiry's page (every code) or a code's page (the code
 * and its sub-codes), through the export scope of a redaction profile (team by default).
 */
public final class CodingsExportRoutes {
  private final InquiryService inquiries;
  private final CodingService coding;
  private final RedactionService redactions;
  private final AuditLog audit;
  private final CodingsCsvExporter exporter;

  public CodingsExportRoutes(
      InquiryService inquiries,
      CodingService coding,
      RedactionService redactions,
      AuditLog audit,
      CodingsCsvExporter exporter) {
    this.inquiries = inquiries;
    this.coding = coding;
    this.redactions = redactions;
    this.audit = audit;
    this.exporter = exporter;
  }

  public void mount(Routes routes) {
    routes.get("/inquiries/{inquiry}/codings/export", Access.role(Role.VIEWER), this::export);
  }

  private void export(Context ctx) {
    Inquiry inquiry = inquiries.get(new InquiryId(Requests.id(ctx, "inquiry")));
    MatrixExport.Format format =
        MatrixExport.Format.fromId(Optional.ofNullable(ctx.queryParam("format")).orElse("csv"))
            .orElseThrow(() -> new InvalidInputException("Unknown format: csv or xlsx"));
    ExportProfile profile =
        ExportProfiles.choose(
            Optional.ofNullable(ctx.queryParam("profile")), AccessCheck.roleOf(ctx));
    ctx.header("X-Redaction-Profile", profile.name());
    List<Code> codes = coding.codes(inquiry.id());
    Optional<Code> code = Optional.empty();
    Set<CodeId> chosen = Set.of();
    String codeParam = ctx.queryParam("code");
    if (codeParam != null && !codeParam.isBlank()) {
      Code root = coding.getCode(new CodeId(Requests.parseLong(codeParam, "The code")));
      if (!root.inquiryId().equals(inquiry.id())) {
        throw new InvalidInputException("The code " + root.id() + " is not in this inquiry");
      }
      code = Optional.of(root);
      chosen = withSubCodes(root.id(), codes);
    }
    // Quotes are field material: they go out only when asked for (the form's box is ticked).
    boolean quotes = "on".equals(ctx.queryParam("quotes"));
    ExportScope scope = redactions.scope(inquiry.id(), profile);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    exporter.write(
        inquiry.id(), scope, new CodingsCsvExporter.Request(format, chosen, quotes), out);
    String name =
        "codings-"
            + inquiry.name()
            + code.map(c -> "-" + c.name()).orElse("")
            + "-"
            + profile.name()
            + "."
            + format.extension();
    Downloads.attachment(ctx, name);
    ctx.contentType(format.mediaType());
    ctx.result(out.toByteArray());
    Outgoing.export(
        audit,
        ctx,
        inquiry.id(),
        "codings "
            + format.extension()
            + code.map(c -> " of code " + c.id()).orElse("")
            + (quotes ? " with quotes" : ""),
        profile);
  }

  /** A code and every code below it. */
  static Set<CodeId> withSubCodes(CodeId root, List<Code> codes) {
    Set<CodeId> found = new HashSet<>();
    found.add(root);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Code c : codes) {
        if (c.parentId().isPresent() && found.contains(c.parentId().get()) && found.add(c.id())) {
          grew = true;
        }
      }
    }
    return found;
  }
}
