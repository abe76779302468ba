package org.fabrique.store.history;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.Optional;
import org.fabrique.core.history.Operation;
import org.fabrique.core.history.OperationTypes;

/** Reads a nested operation written as {@code {"type": id, "op": components}}. */
final class OperationDeserializer extends StdDeserializer<Operation> {
  private static final long serialVersionUID = 1L;

  OperationDeserializer() {
    super(Operation.class);
  }

  @Override
  public Operation deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    JsonNode node = context.readTree(parser);
    JsonNode type = node.get("type");
    JsonNode components = node.get("op");
    if (type == null || !type.isTextual() || components == null || !components.isObject()) {
      return (Operation)
          context.handleUnexpectedToken(
              Operation.class, parser.currentToken(), parser, "expected {\"type\":…, \"op\":{…}}");
    }
    Optional<Class<? extends Operation>> operationClass = OperationTypes.classOf(type.asText());
    if (operationClass.isEmpty()) {
      return (Operation)
          context.handleUnknownTypeId(
              context.constructType(Operation.class),
              type.asText(),
              null,
              "unknown operation type");
    }
    return context.readTreeAsValue(components, operationClass.get());
  }
}
