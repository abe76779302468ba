package org.fabrique.core.user;

import java.util.Locale;
import java.util.Optional;

/**
 * What a member may do in an inquiry, each role allowing all that the ones before it allow: a
 * viewer reads; a coder also codes and writes memos (without deleting others' work or changing the
 * codebook's structure); a researcher does all but membership; an owner also manages the members.
 */
public enum Role {
  VIEWER,
  CODER,
  RESEARCHER,
  OWNER;

  /** Whether this role allows what {@code required} allows. */
  public boolean allows(Role required) {
    return compareTo(required) >= 0;
  }

  /** The name used in commands, URLs and JSON: {@code viewer}, {@code coder}... */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (Role role : values()) {
      if (role.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
