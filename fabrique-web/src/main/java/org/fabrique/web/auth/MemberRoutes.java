package org.fabrique.web.auth;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.user.MembershipService;
import org.fabrique.core.user.Role;
import org.fabrique.core.user.User;
import org.fabrique.core.user.UserService;
import org.fabrique.web.Page;
import org.fabrique.web.Requests;
import org.fabrique.web.Views;

/** The members of an inquiry and their roles, managed by its owners: a page and the API. */
public final class MemberRoutes {
  private final MembershipService members;
  private final UserService users;
  private final InquiryService inquiries;
  private final Views views;

  public MemberRoutes(
      MembershipService members, UserService users, InquiryService inquiries, Views views) {
    this.members = members;
    this.users = users;
    this.inquiries = inquiries;
    this.views = views;
  }

  /** A member in JSON. */
  public record MemberOut(long id, String login, String displayName, String role) {
    static MemberOut of(MembershipService.Member member) {
      return new MemberOut(
          member.user().id().value(),
          member.user().login(),
          member.user().displayName(),
          member.role().code());
    }
  }

  /** What gives a member a role. */
  public record RoleIn(String role) {}

  /** The members page. */
  public record MembersView(
      Inquiry inquiry, List<MembershipService.Member> members, List<Role> roles) {}

  public void mount(Routes routes) {
    Access owner = Access.role(Role.OWNER);
    routes.get("/inquiries/{inquiry}/members", owner, this::page);
    routes.post("/inquiries/{inquiry}/members", owner, this::formPut);
    routes.post("/inquiries/{inquiry}/members/remove", owner, this::formRemove);
    routes.get("/api/inquiries/{inquiry}/members", owner, this::apiList);
    routes.put("/api/inquiries/{inquiry}/members/{login}", owner, this::apiPut);
    routes.delete("/api/inquiries/{inquiry}/members/{login}", owner, this::apiRemove);
  }

  private Inquiry inquiry(Context ctx) {
    return inquiries.get(new InquiryId(Requests.id(ctx, "inquiry")));
  }

  private static Role role(String code) {
    return Role.fromCode(code)
        .orElseThrow(
            () -> new InvalidInputException("A role is viewer, coder, researcher or owner"));
  }

  private void page(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    Page page = views.page(ctx).in(inquiry, "members");
    Map<String, Object> params = new HashMap<>();
    params.put("page", page);
    params.put(
        "view", new MembersView(inquiry, members.members(inquiry.id()), List.of(Role.values())));
    ctx.html(views.render("inquiry/members.jte", params));
  }

  private void formPut(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    User user = users.byLogin(Requests.form(ctx, "login").orElse(""));
    members.put(inquiry.id(), user.id(), role(Requests.form(ctx, "role").orElse("")));
    Requests.redirectWithNotice(ctx, "/inquiries/" + inquiry.id() + "/members", "saved");
  }

  private void formRemove(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    User user = users.byLogin(Requests.form(ctx, "login").orElse(""));
    members.remove(inquiry.id(), user.id());
    Requests.redirectWithNotice(ctx, "/inquiries/" + inquiry.id() + "/members", "saved");
  }

  private void apiList(Context ctx) {
    ctx.json(members.members(inquiry(ctx).id()).stream().map(MemberOut::of).toList());
  }

  private void apiPut(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    User user = users.byLogin(ctx.pathParam("login"));
    RoleIn in = ctx.bodyAsClass(RoleIn.class);
    if (in == null) {
      throw new InvalidInputException("Give the member's role: {\"role\": \"coder\"}");
    }
    ctx.json(MemberOut.of(members.put(inquiry.id(), user.id(), role(in.role()))));
  }

  private void apiRemove(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    members.remove(inquiry.id(), users.byLogin(ctx.pathParam("login")).id());
    ctx.status(204);
  }
}
