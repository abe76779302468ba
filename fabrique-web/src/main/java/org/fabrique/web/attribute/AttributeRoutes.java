package org.fabrique.web.attribute;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Locale;
import org.fabrique.core.attribute.AttributeDefinition;
import org.fabrique.core.attribute.AttributeId;
import org.fabrique.core.attribute.AttributeScope;
import org.fabrique.core.attribute.AttributeService;
import org.fabrique.core.attribute.AttributeType;
import org.fabrique.core.attribute.AttributeValue;
import org.fabrique.core.error.InvalidInputException;
import org.fabrique.core.inquiry.Inquiry;
import org.fabrique.core.inquiry.InquiryId;
import org.fabrique.core.inquiry.InquiryService;
import org.fabrique.core.user.Role;
import org.fabrique.web.Requests;
import org.fabrique.web.Views;
import org.fabrique.web.Visitors;
import org.fabrique.web.auth.Access;
import org.fabrique.web.auth.AccessCheck;
import org.fabrique.web.auth.Routes;

/** Typed attributes of cases and sources: their definitions and values. */
public final class AttributeRoutes {
  private final InquiryService inquiries;
  private final AttributeService attributes;
  private final Views views;
  private final Visitors visitors;

  public AttributeRoutes(
      InquiryService inquiries, AttributeService attributes, Views views, Visitors visitors) {
    this.inquiries = inquiries;
    this.attributes = attributes;
    this.views = views;
    this.visitors = visitors;
  }

  public void mount(Routes routes) {
    routes.get("/inquiries/{inquiry}/attributes", Access.role(Role.VIEWER), this::list);
    routes.post("/inquiries/{inquiry}/attributes", Access.role(Role.RESEARCHER), this::define);
    routes.post("/attributes/{attribute}/delete", Access.role(Role.RESEARCHER), this::delete);

    routes.get("/api/inquiries/{inquiry}/attributes", Access.role(Role.VIEWER), this::apiList);
    routes.post(
        "/api/inquiries/{inquiry}/attributes", Access.role(Role.RESEARCHER), this::apiDefine);
    routes.get(
        "/api/attributes/{attribute}",
        Access.role(Role.VIEWER),
        ctx -> ctx.json(AttributeJson.DefinitionOut.of(attribute(ctx))));
    routes.delete("/api/attributes/{attribute}", Access.role(Role.RESEARCHER), this::apiDelete);
    routes.get("/api/attributes/{attribute}/values", Access.role(Role.VIEWER), this::apiValues);
    routes.put(
        "/api/attributes/{attribute}/values/{owner}",
        Access.role(Role.RESEARCHER),
        this::apiSetValue);
  }

  /** An attribute with the number of items that have a value. */
  public record Row(AttributeDefinition definition, int values) {}

  /** The attributes page. */
  /**
   * The attributes page; {@code withdraws} when the reader may withdraw a participant by the value
   * of an attribute (researchers and owners).
   */
  public record ListView(
      Inquiry inquiry, List<Row> caseAttributes, List<Row> sourceAttributes, boolean withdraws) {

    /** Every attribute, of cases then of sources. */
    public List<Row> all() {
      List<Row> all = new java.util.ArrayList<>(caseAttributes);
      all.addAll(sourceAttributes);
      return all;
    }
  }

  private void list(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    List<Row> rows =
        attributes.definitions(inquiry.id()).stream()
            .map(d -> new Row(d, attributes.values(d.id()).size()))
            .toList();
    views.render(
        ctx,
        "attribute/attributes.jte",
        views.page(ctx).in(inquiry, "attributes"),
        new ListView(
            inquiry,
            rows.stream().filter(r -> r.definition().scope() == AttributeScope.CASE).toList(),
            rows.stream().filter(r -> r.definition().scope() == AttributeScope.SOURCE).toList(),
            AccessCheck.roleOf(ctx).allows(Role.RESEARCHER)));
  }

  private void define(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    attributes.define(
        inquiry.id(),
        visitors.of(ctx).coder().id(),
        Requests.formText(ctx, "name"),
        type(Requests.formText(ctx, "type")),
        scope(Requests.formText(ctx, "scope")),
        Requests.formText(ctx, "description"));
    Requests.redirectWithNotice(ctx, "/inquiries/" + inquiry.id() + "/attributes", "saved");
  }

  private void delete(Context ctx) {
    AttributeDefinition definition = attribute(ctx);
    attributes.delete(visitors.of(ctx).coder().id(), definition.id());
    Requests.redirectWithNotice(
        ctx, "/inquiries/" + definition.inquiryId() + "/attributes", "deleted");
  }

  private void apiList(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    ctx.json(
        attributes.definitions(inquiry.id()).stream()
            .map(AttributeJson.DefinitionOut::of)
            .toList());
  }

  private void apiDefine(Context ctx) {
    Inquiry inquiry = inquiry(ctx);
    AttributeJson.DefinitionIn in = ctx.bodyAsClass(AttributeJson.DefinitionIn.class);
    AttributeDefinition definition =
        attributes.define(
            inquiry.id(),
            visitors.of(ctx).coder().id(),
            in.name(),
            type(in.type()),
            scope(in.scope()),
            in.description());
    ctx.status(HttpStatus.CREATED).json(AttributeJson.DefinitionOut.of(definition));
  }

  private void apiDelete(Context ctx) {
    AttributeDefinition definition = attribute(ctx);
    attributes.delete(visitors.of(ctx).coder().id(), definition.id());
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /** A value of an attribute in JSON. */
  public record OwnerValueOut(long ownerId, String value) {}

  private void apiValues(Context ctx) {
    AttributeDefinition definition = attribute(ctx);
    ctx.json(
        attributes.values(definition.id()).stream()
            .map(v -> new OwnerValueOut(v.ownerId(), v.value()))
            .toList());
  }

  private void apiSetValue(Context ctx) {
    AttributeDefinition definition = attribute(ctx);
    long owner = Requests.id(ctx, "owner");
    AttributeJson.ValueIn in = ctx.bodyAsClass(AttributeJson.ValueIn.class);
    attributes.setValue(visitors.of(ctx).coder().id(), definition.id(), owner, in.value());
    String value =
        attributes.valuesOf(owner).stream()
            .filter(v -> v.attributeId().equals(definition.id()))
            .map(AttributeValue::value)
            .findFirst()
            .orElse(null);
    ctx.json(new OwnerValueOut(owner, value));
  }

  private Inquiry inquiry(Context ctx) {
    return inquiries.get(new InquiryId(Requests.id(ctx, "inquiry")));
  }

  private AttributeDefinition attribute(Context ctx) {
    return attributes.get(new AttributeId(Requests.id(ctx, "attribute")));
  }

  static AttributeType type(String id) {
    return AttributeType.fromId(id)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "The type of an attribute is text, integer, decimal, boolean or date"));
  }

  static AttributeScope scope(String id) {
    String wanted = id == null ? "" : id.trim().toUpperCase(Locale.ROOT);
    try {
      return AttributeScope.valueOf(wanted);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("An attribute describes cases or sources", e);
    }
  }
}
