package org.fabrique.core.audit;

import java.util.Arrays;
import java.util.Optional;

/** What an audit entry records. The ids are stored: never change one. */
public enum AuditAction {
  SIGN_IN("sign-in"),
  SIGN_IN_FAILED("sign-in-failed"),
  SIGN_IN_LIMITED("sign-in-limited"),
  SIGN_OUT("sign-out"),
  TOKEN_CREATED("token-created"),
  TOKEN_REVOKED("token-revoked"),
  TOKEN_USED("token-used"),
  MEMBER_ADDED("member-added"),
  MEMBER_REMOVED("member-removed"),
  ROLE_CHANGED("role-changed"),
  EXPORT("export"),
  DOWNLOAD("download"),
  DELETION("deletion"),
  PURGE("purge");

  private final String id;

  AuditAction(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<AuditAction> fromId(String id) {
    return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
  }
}
