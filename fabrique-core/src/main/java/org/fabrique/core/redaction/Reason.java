package org.fabrique.core.redaction;

import java.util.Arrays;
import java.util.Optional;

/** Why a passage was suggested as an identifier; the web and command line word it FR/EN. */
public enum Reason {
  INQUIRY_ACTOR("inquiry-actor", "real name of an actor of the inquiry"),
  SPEAKER("speaker", "name of a speaker of a transcript"),
  FIRST_NAME_AND_SURNAME("first-and-surname", "known first name followed by a name"),
  TITLE_AND_NAME("title-and-name", "title (M., Mme, Dr, Mr…) followed by a name"),
  FIRST_NAME("first-name", "known first name"),
  SURNAME("surname", "known surname"),
  CAPITALISED_WORDS("capitalised", "capitalised words inside a sentence"),
  TOWN("town", "town in the gazetteer"),
  HOSPITAL("hospital", "hospital or clinic name"),
  ORGANISATION("organisation", "laboratory, university or institution name"),
  DATE("date", "calendar date"),
  AGE_OVER_89("age-over-89", "age of 90 or more"),
  PHONE("phone", "telephone number"),
  EMAIL("email", "e-mail address"),
  ADDRESS("address", "postal address"),
  NIR("nir", "French social security number (NIR) with a valid key"),
  IBAN("iban", "IBAN with valid check digits"),
  URL("url", "web address"),
  RULE("rule", "accepted for every occurrence of this value"),
  MANUAL("manual", "marked by hand");

  private final String id;
  private final String english;

  Reason(String id, String english) {
    this.id = id;
    this.english = english;
  }

  public String id() {
    return id;
  }

  /** The reason in English, for the command line. */
  public String english() {
    return english;
  }

  public static Optional<Reason> fromId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }
}
