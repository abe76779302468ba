package org.fabrique.core.history;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fabrique.core.attribute.AttributeOperations;
import org.fabrique.core.coding.CodebookOperations;
import org.fabrique.core.coding.CodingOperations;
import org.fabrique.core.corpus.SourceOperations;
import org.fabrique.core.erasure.Purged;
import org.fabrique.core.exchange.ExchangeOperations;
import org.fabrique.core.inquiry.CaseOperations;
import org.fabrique.core.inquiry.InquiryOperations;
import org.fabrique.core.journey.ElementOperations;
import org.fabrique.core.journey.JourneyLinkOperations;
import org.fabrique.core.journey.query.QueryOperations;
import org.fabrique.core.link.LinkOperations;
import org.fabrique.core.memo.MemoOperations;
import org.fabrique.core.set.SetOperations;

/**
 * The registry of operation types. A type id is part of the history's stored format: never change
 * one; when an operation class is renamed, keep its id.
 */
public final class OperationTypes {
  private static final Map<String, Class<? extends Operation>> BY_ID = new LinkedHashMap<>();
  private static final Map<Class<? extends Operation>, String> BY_CLASS = new LinkedHashMap<>();

  static {
    register(List.of(Map.entry("composite", CompositeOperation.class)));
    register(InquiryOperations.TYPES);
    register(CaseOperations.TYPES);
    register(SourceOperations.TYPES);
    register(CodebookOperations.TYPES);
    register(CodingOperations.TYPES);
    register(MemoOperations.TYPES);
    register(AttributeOperations.TYPES);
    register(ElementOperations.TYPES);
    register(JourneyLinkOperations.TYPES);
    register(QueryOperations.TYPES);
    register(SetOperations.TYPES);
    register(LinkOperations.TYPES);
    register(ExchangeOperations.TYPES);
    register(Purged.TYPES);
  }

  private OperationTypes() {}

  /** Adds operation types; features outside core register theirs at start-up. */
  public static synchronized void register(
      List<Map.Entry<String, Class<? extends Operation>>> types) {
    for (Map.Entry<String, Class<? extends Operation>> type : types) {
      Class<? extends Operation> known = BY_ID.get(type.getKey());
      if (known != null && !known.equals(type.getValue())) {
        throw new IllegalStateException("Operation type id used twice: " + type.getKey());
      }
      BY_ID.put(type.getKey(), type.getValue());
      BY_CLASS.put(type.getValue(), type.getKey());
    }
  }

  public static synchronized String idOf(Class<? extends Operation> type) {
    String id = BY_CLASS.get(type);
    if (id == null) {
      throw new IllegalStateException("Operation class not registered: " + type.getName());
    }
    return id;
  }

  public static synchronized Optional<Class<? extends Operation>> classOf(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  public static synchronized Map<String, Class<? extends Operation>> all() {
    return Map.copyOf(BY_ID);
  }
}
