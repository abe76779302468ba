package org.fabrique.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import org.fabrique.core.attribute.AttributeType;
import org.fabrique.core.corpus.Confidentiality;
import org.fabrique.core.corpus.SourceKind;
import org.fabrique.core.inquiry.Domain;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.user.User;
import org.fabrique.web.i18n.Lang;
import org.fabrique.web.i18n.Messages;

/**
 * What every page template knows: the language and its messages, the coder, where the visitor is.
 * Templates call {@link #t} for every visible string.
 *
 * @param path the path and query of the current page, to come back to after a switch
 * @param notice a translated message to show once, after a change
 * @param signOut whether the visitor can sign out (they signed in with a password)
 * @param section the inquiry section shown ("overview", "sources", "codebook", "memos",
 *     "attributes"), or empty
 */
public record Page(
    Messages messages,
    Lang lang,
    Optional<User> coder,
    List<User> coders,
    String path,
    ZoneId zone,
    Optional<Inquiry> inquiry,
    String section,
    Optional<String> notice,
    boolean signOut) {

  /** The same page inside an inquiry, in one of its sections. */
  public Page in(Inquiry theInquiry, String theSection) {
    return new Page(
        messages,
        lang,
        coder,
        coders,
        path,
        zone,
        Optional.of(theInquiry),
        theSection,
        notice,
        signOut);
  }

  /** A translated string. */
  public String t(String key, Object... args) {
    return messages.get(lang, key, args);
  }

  /**
   * A message with a plural for a script, as JSON: its forms by plural keyword ({@code {"one":"{0}
   * passage","other":"{0} passages"}}), chosen in the browser with {@code Intl.PluralRules} by
   * {@code Fabrique.plural}.
   */
  public String plural(String key) {
    try {
      return Json.mapper().writeValueAsString(messages.pluralForms(lang, key));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("The forms of " + key + " could not be written", e);
    }
  }

  /** A problem a service wrote in English, in the page's language when it is a known one. */
  public String problem(String english) {
    return messages.problem(lang, english);
  }

  /** A translated string, or {@code otherwise} when the bundles have no such key. */
  public String tOr(String key, String otherwise) {
    return messages.has(lang, key) || messages.has(Lang.EN, key) ? t(key) : otherwise;
  }

  public boolean isSection(String name) {
    return section.equals(name);
  }

  /** The current path, URL-encoded for a {@code back} parameter. */
  public String back() {
    return URLEncoder.encode(path, StandardCharsets.UTF_8);
  }

  /** The link that switches the interface to the other language and comes back here. */
  public String otherLangHref() {
    return "/lang/" + lang.other().code() + "?back=" + back();
  }

  public String dateTime(Instant instant) {
    return new DateTimeFormatterBuilder()
        .appendLocalized(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .toFormatter(lang.locale())
        .withZone(zone)
        .format(instant);
  }

  public String date(LocalDate date) {
    return new DateTimeFormatterBuilder()
        .appendLocalized(FormatStyle.LONG, null)
        .toFormatter(lang.locale())
        .format(date);
  }

  public String date(Optional<LocalDate> date) {
    return date.map(this::date).orElse("—");
  }

  /** A date as YYYY-MM-DD for date inputs, empty when absent. */
  public String isoDate(Optional<LocalDate> date) {
    return date.map(LocalDate::toString).orElse("");
  }

  /** The display name of the current coder, empty when unknown. */
  public String coderLabel() {
    return coder.map(User::displayName).orElse("");
  }

  public String number(long value) {
    return NumberFormat.getIntegerInstance(lang.locale()).format(value);
  }

  /** A decimal number with a fixed count of digits after the separator of the language. */
  public String decimal(double value, int fractionDigits) {
    NumberFormat format = NumberFormat.getNumberInstance(lang.locale());
    format.setMinimumFractionDigits(fractionDigits);
    format.setMaximumFractionDigits(fractionDigits);
    return format.format(value);
  }

  /** A share between 0 and 1 as a percentage with one decimal, "85.3 %" or "85,3 %". */
  public String percent(double share) {
    return decimal(100 * share, 1) + " %";
  }

  public String domain(Domain domain) {
    return t("domain." + domain.id());
  }

  public String kind(SourceKind kind) {
    return t("kind." + kind.id());
  }

  public String confidentiality(Confidentiality level) {
    return t("confidentiality." + level.id());
  }

  public String attributeType(AttributeType type) {
    return t("attributeType." + type.id());
  }

  /** The language name of an ISO 639 code in the interface's language, or the code itself. */
  public String languageName(String code) {
    if (code == null || code.isBlank() || code.equals("und")) {
      return t("language.unknown");
    }
    String name = java.util.Locale.forLanguageTag(code).getDisplayLanguage(lang.locale());
    return name.isBlank() || name.equals(code) ? code : name;
  }

  public String coderName(long userId) {
    return coders.stream()
        .filter(u -> u.id().value() == userId)
        .map(User::displayName)
        .findFirst()
        .orElse("#" + userId);
  }

  public List<Domain> domains() {
    return List.of(Domain.values());
  }

  public List<SourceKind> kinds() {
    return List.of(SourceKind.values());
  }

  public List<Confidentiality> confidentialities() {
    return List.of(Confidentiality.values());
  }

  public List<AttributeType> attributeTypes() {
    return List.of(AttributeType.values());
  }
}
