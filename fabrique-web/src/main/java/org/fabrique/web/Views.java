package org.fabrique.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.user.UserService;
import org.fabrique.web.auth.Authentication;
import org.fabrique.web.i18n.Lang;
import org.fabrique.web.i18n.Messages;

/** Renders the pages: jte templates compiled at build time, given a {@link Page} and a view. */
public final class Views {
  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(null, ContentType.Html, null, "org.fabrique.web.templates");
  private final Messages messages;
  private final Visitors visitors;
  private final UserService users;
  private final ZoneId zone;
  private final boolean signOut;

  /** Pages offer to sign out when users sign in with a password. */
  public Views(
      Messages messages,
      Visitors visitors,
      UserService users,
      ZoneId zone,
      Authentication authentication) {
    this.messages = messages;
    this.visitors = visitors;
    this.users = users;
    this.zone = zone;
    this.signOut = authentication.signInPage();
  }

  public Messages messages() {
    return messages;
  }

  /** The page context of a request, with its coder. */
  public Page page(Context ctx) {
    Visitor visitor = visitors.of(ctx);
    return new Page(
        messages,
        visitor.lang(),
        Optional.of(visitor.coder()),
        users.list(),
        pathOf(ctx),
        zone,
        Optional.empty(),
        "",
        notice(ctx, visitor.lang()),
        signOut);
  }

  private Optional<String> notice(Context ctx, Lang lang) {
    String key = ctx.queryParam("notice");
    if (key == null || !key.matches("[a-z0-9-]{1,40}") || !messages.has(lang, "notice." + key)) {
      return Optional.empty();
    }
    return Optional.of(messages.get(lang, "notice." + key));
  }

  /** A page context that never touches the database, for error pages. */
  public Page bare(Context ctx) {
    Lang lang = Visitors.lang(ctx);
    return new Page(
        messages,
        lang,
        Optional.empty(),
        List.of(),
        pathOf(ctx),
        zone,
        Optional.empty(),
        "",
        Optional.empty(),
        false);
  }

  private static String pathOf(Context ctx) {
    String query = ctx.queryString();
    return query == null || query.isEmpty() ? ctx.path() : ctx.path() + "?" + query;
  }

  /** Renders a template that takes a page and a view. */
  public void render(Context ctx, String template, Page page, Object view) {
    Map<String, Object> params = new HashMap<>();
    params.put("page", page);
    params.put("view", view);
    ctx.html(render(template, params));
  }

  /** Renders a template with named parameters to a string. */
  public String render(String template, Map<String, Object> params) {
    StringOutput output = new StringOutput(8192);
    engine.render(template, params, output);
    return output.toString();
  }
}
