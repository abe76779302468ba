package org.fabrique.web.inquiry;

import java.time.Instant;
import java.util.List;
import org.fabrique.core.inquiry.Case;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.web.attribute.AttributeJson;

/** The JSON of inquiries and cases. */
public final class InquiryJson {
  private InquiryJson() {}

  /** An inquiry. */
  public record InquiryOut(long id, String name, String description, Instant createdAt) {
    public static InquiryOut of(Inquiry i) {
      return new InquiryOut(i.id().value(), i.name(), i.description(), i.createdAt());
    }
  }

  /** What creates or renames an inquiry. */
  public record InquiryIn(String name, String description) {}

  /** A case with its attribute values. */
  public record CaseOut(
      long id,
      long inquiryId,
      String name,
      String domain,
      String description,
      List<AttributeJson.ValueOut> attributes) {
    public static CaseOut of(Case c, List<AttributeJson.ValueOut> attributes) {
      return new CaseOut(
          c.id().value(),
          c.inquiryId().value(),
          c.name(),
          c.domain().id(),
          c.description(),
          attributes);
    }
  }

  /** What creates or changes a case; domain is one of the domain ids ("cohort", "registry"…). */
  public record CaseIn(String name, String domain, String description) {}
}
