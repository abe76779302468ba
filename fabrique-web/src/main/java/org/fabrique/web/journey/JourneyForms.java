package org.fabrique.web.journey;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.journey.Dimension;
import org.fabrique.core.journey.ElementHeader;
import org.fabrique.core.journey.ElementId;
import org.fabrique.core.journey.KnownBy;
import org.fabrique.core.journey.kind.FormInput;
import org.fabrique.web.Requests;

/** Reading the fields of the journey forms. */
final class JourneyForms {
  private JourneyForms() {}

  /** The submitted form as element kinds read it. */
  static FormInput input(Context ctx) {
    return ctx::formParams;
  }

  static String text(Context ctx, String name) {
    return Requests.formText(ctx, name);
  }

  static List<ElementId> ids(Context ctx, String name) {
    List<ElementId> ids = new ArrayList<>();
    for (String value : ctx.formParams(name)) {
      if (!value.isBlank()) {
        ids.add(new ElementId(Requests.parseLong(value, name)));
      }
    }
    return ids;
  }

  static Optional<ElementId> id(Context ctx, String name) {
    return Requests.formLong(ctx, name).map(ElementId::new);
  }

  static Set<Dimension> dimensions(Context ctx) {
    Set<Dimension> dimensions = EnumSet.noneOf(Dimension.class);
    for (String value : ctx.formParams("dimension")) {
      dimensions.add(
          Dimension.fromId(value)
              .orElseThrow(() -> new InvalidInputException("Unknown dimension " + value)));
    }
    return dimensions;
  }

  static KnownBy knownBy(Context ctx) {
    String value = Requests.formText(ctx, "knownBy");
    return value.isEmpty()
        ? KnownBy.OBSERVED
        : KnownBy.fromId(value)
            .orElseThrow(() -> new InvalidInputException("Unknown way of knowing " + value));
  }

  static Confidentiality confidentiality(Context ctx) {
    String value = Requests.formText(ctx, "confidentiality");
    return value.isEmpty()
        ? Confidentiality.INTERNAL
        : Confidentiality.fromId(value)
            .orElseThrow(() -> new InvalidInputException("Unknown confidentiality " + value));
  }

  /** A header from the common fields of a form, with the label in field {@code labelField}. */
  static ElementHeader header(ElementHeader base, Context ctx, String labelField) {
    return new ElementHeader(
        base.id(),
        base.inquiryId(),
        base.caseId(),
        text(ctx, labelField),
        text(ctx, "description"),
        knownBy(ctx),
        confidentiality(ctx));
  }

  /** A date and time from an HTML datetime-local field, read as UTC. */
  static Optional<Instant> instant(Context ctx, String name) {
    String value = Requests.formText(ctx, name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (value.length() == 10) {
        return Optional.of(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC));
      }
      return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("A date is written 2025-03-12 or 2025-03-12T09:30");
    }
  }

  static List<String> lines(Context ctx, String name) {
    return text(ctx, name).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }
}
