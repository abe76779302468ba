package org.fabrique.web.auth;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.fabrique.core.corpus.SourceId;
import org.fabrique.core.error.ForbiddenException;
import org.fabrique.core.error.UnauthenticatedException;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.user.MembershipService;
import org.fabrique.core.user.Role;
import org.fabrique.core.user.Scope;
import org.fabrique.core.user.UserId;
import org.fabrique.web.Requests;

/**
 * Checks a route's {@link Access} before its handler: 401 when nobody is signed in (a browser
 * asking for a page is sent to the sign-in page), 403 when the user's role in the inquiry of the
 * addressed item is not enough, 404 when the item does not exist.
 */
public final class AccessCheck {
  /** The detail of a refusal for want of a role (tests tell it from the handlers' own 403s). */
  public static final String ROLE_REFUSED = "Your role in this inquiry does not allow this";

  private static final String ROLE_ATTRIBUTE = "fabrique.role";

  private final Gate gate;
  private final MembershipService members;
  private final Authentication authentication;

  public AccessCheck(Gate gate, MembershipService members, Authentication authentication) {
    this.gate = gate;
    this.members = members;
    this.authentication = authentication;
  }

  /**
   * Whether the request may go on to the route's handler; false when it has been answered (sent to
   * the sign-in page). Refusals are thrown.
   */
  boolean allows(Context ctx, Routes.Route route) {
    Access access = route.access();
    if (access instanceof Access.Anyone) {
      gate.signedIn(ctx);
      return true;
    }
    Optional<SignedIn> who = gate.signedIn(ctx);
    if (who.isEmpty()) {
      if (ctx.method() == HandlerType.GET
          && !ctx.path().startsWith("/api/")
          && authentication.signInPage()) {
        String back = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
        Requests.redirect(ctx, "/sign-in?back=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
        return false;
      }
      throw new UnauthenticatedException(
          authentication.signInPage()
              ? "Sign in first"
              : "Open the address that fabrique serve printed (it carries the access token)");
    }
    SignedIn user = who.get();
    if (access instanceof Access.SignedInUser) {
      return true;
    }
    if (access instanceof Access.Admin) {
      if (!user.admin()) {
        throw new ForbiddenException("Only site admins may do this");
      }
      return true;
    }
    Scope scope = route.scope().orElseThrow();
    long id = Requests.id(ctx, scope.parameter());
    Optional<InquiryId> found = members.inquiryOf(scope, id);
    if (found.isEmpty()) {
      // Nothing to protect: the handler says what is missing (404).
      return true;
    }
    InquiryId inquiry = found.get();
    Role required =
        access instanceof Access.OwnWork own ? own.own() : ((Access.InInquiry) access).role();
    Role held = require(ctx, inquiry, required);
    if (access instanceof Access.OwnWork own) {
      Optional<UserId> author = members.authorOf(scope, id);
      if (author.isPresent()
          && !author.get().equals(user.user().id())
          && !held.allows(own.others())) {
        throw new ForbiddenException(
            "Your role in this inquiry does not allow changing others' work");
      }
    }
    if (scope == Scope.SOURCE
        && !held.allows(Role.RESEARCHER)
        && members.isRestricted(new SourceId(id))) {
      throw new ForbiddenException(
          "This source is confidential: only the inquiry's owners and researchers see it,"
              + " until one of them marks it internal to share it with the whole team");
    }
    return true;
  }

  /**
   * The role of the signed-in user in an inquiry, which must allow {@code required} (403
   * otherwise); site admins are owners everywhere. For handlers whose inquiry is in the body.
   */
  public Role require(Context ctx, InquiryId inquiry, Role required) {
    SignedIn user = Gate.require(ctx);
    Role held =
        user.admin()
            ? Role.OWNER
            : members
                .roleOf(user.user().id(), inquiry)
                .orElseThrow(() -> new ForbiddenException(ROLE_REFUSED));
    if (!held.allows(required)) {
      throw new ForbiddenException(ROLE_REFUSED);
    }
    ctx.attribute(ROLE_ATTRIBUTE, held);
    return held;
  }

  /**
   * The role checked for this request in the inquiry of the item it addresses; a viewer's when none
   * was checked (the least a request may do).
   */
  public static Role roleOf(Context ctx) {
    Role held = ctx.attribute(ROLE_ATTRIBUTE);
    return held == null ? Role.VIEWER : held;
  }

  /** The role the signed-in user holds in an inquiry, if any (site admins: owner). */
  public Optional<Role> roleIn(Context ctx, InquiryId inquiry) {
    SignedIn user = Gate.require(ctx);
    return user.admin() ? Optional.of(Role.OWNER) : members.roleOf(user.user().id(), inquiry);
  }
}
