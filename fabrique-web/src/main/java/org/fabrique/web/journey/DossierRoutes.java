package org.fabrique.web.journey;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Optional;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.CaseId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.journey.JourneyService;
import org.fabrique.core.journey.query.CaseDossier;
import org.fabrique.core.redaction.ExportProfile;
import org.fabrique.core.redaction.ExportProfiles;
import org.fabrique.core.redaction.RedactionService;
import org.fabrique.core.user.Role;
import org.fabrique.formats.dossier.DossierWriter;
import org.fabrique.web.Downloads;
import org.fabrique.web.Requests;
import org.fabrique.web.Views;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.AccessCheck;
import org.fabrique.web.auth.Routes;

/**
 * The dossier of a case as a download (PDF or HTML), in the interface's language (or the one
 * asked), through the redaction profile asked for ({@code team} when none is).
 */
public final class DossierRoutes {
  private final InquiryService inquiries;
  private final JourneyService journeys;
  private final RedactionService redactions;
  private final Views views;

  public DossierRoutes(
      InquiryService inquiries, JourneyService journeys, RedactionService redactions, Views views) {
    this.inquiries = inquiries;
    this.journeys = journeys;
    this.redactions = redactions;
    this.views = views;
  }

  public void mount(Routes routes) {
    routes.get("/cases/{case}/dossier", Access.role(Role.VIEWER), this::dossier);
  }

  private void dossier(Context ctx) {
    Case theCase = inquiries.getCase(new CaseId(Requests.id(ctx, "case")));
    String format = Optional.ofNullable(ctx.queryParam("format")).orElse("pdf");
    if (!format.equals("pdf") && !format.equals("html")) {
      throw new InvalidInputException("Unknown format " + format + ": pdf or html");
    }
    String language =
        Optional.ofNullable(ctx.queryParam("lang")).orElse(views.page(ctx).lang().code());
    if (!language.equals("en") && !language.equals("fr")) {
      throw new InvalidInputException("Unknown language " + language + ": en or fr");
    }
    ExportProfile profile =
        ExportProfiles.choose(
            Optional.ofNullable(ctx.queryParam("profile")), AccessCheck.roleOf(ctx));
    ctx.header("X-Redaction-Profile", profile.name());
    CaseDossier dossier =
        journeys
            .dossiers()
            .build(
                theCase.id(),
                redactions.scope(theCase.inquiryId(), profile),
                Locale.forLanguageTag(language));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (format.equals("pdf")) {
      new DossierWriter().pdf(dossier, out);
      ctx.contentType("application/pdf");
    } else {
      new DossierWriter().html(dossier, out);
      ctx.contentType("text/html; charset=utf-8");
    }
    Downloads.attachment(ctx, "dossier-" + theCase.name() + "-" + profile.name() + "." + format);
    ctx.result(out.toByteArray());
  }
}
