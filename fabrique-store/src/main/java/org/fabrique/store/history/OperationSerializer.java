package org.fabrique.store.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import org.fabrique.core.history.Operation;
import org.fabrique.core.history.OperationTypes;

/**
 * Writes an operation record as the object of its components; an operation nested in another is
 * wrapped as {@code {"type": id, "op": components}} so that it can be read back by its type.
 */
final class OperationSerializer extends StdSerializer<Operation> {
  private static final long serialVersionUID = 1L;

  OperationSerializer() {
    super(Operation.class);
  }

  @Override
  public void serialize(Operation operation, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    if (gen.getOutputContext().inRoot()) {
      writeComponents(operation, gen, provider);
      return;
    }
    gen.writeStartObject();
    gen.writeStringField("type", OperationTypes.idOf(operation.getClass()));
    gen.writeFieldName("op");
    writeComponents(operation, gen, provider);
    gen.writeEndObject();
  }

  private static void writeComponents(
      Operation operation, JsonGenerator gen, SerializerProvider provider) throws IOException {
    Class<?> type = operation.getClass();
    if (!type.isRecord()) {
      throw new IllegalStateException("Operations must be records: " + type.getName());
    }
    gen.writeStartObject();
    for (RecordComponent component : type.getRecordComponents()) {
      provider.defaultSerializeField(component.getName(), valueOf(component, operation), gen);
    }
    gen.writeEndObject();
  }

  private static Object valueOf(RecordComponent component, Operation operation) {
    try {
      return component.getAccessor().invoke(operation);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(
          "Cannot read " + component.getName() + " of " + operation.getClass().getName(), e);
    }
  }
}
