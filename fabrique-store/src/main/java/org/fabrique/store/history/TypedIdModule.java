package org.fabrique.store.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Writes typed ids, records named {@code …Id} with a single {@code long} component such as {@code
 * CodeId(long value)}, as plain JSON numbers, and reads them back.
 */
final class TypedIdModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  TypedIdModule() {
    super("fabrique-typed-ids");
  }

  @Override
  public void setupModule(SetupContext context) {
    super.setupModule(context);
    context.addSerializers(
        new Serializers.Base() {
          @Override
          public JsonSerializer<?> findSerializer(
              SerializationConfig config, JavaType type, BeanDescription description) {
            return isTypedId(type.getRawClass()) ? new IdSerializer(type.getRawClass()) : null;
          }
        });
    context.addDeserializers(
        new Deserializers.Base() {
          @Override
          public JsonDeserializer<?> findBeanDeserializer(
              JavaType type, DeserializationConfig config, BeanDescription description) {
            return isTypedId(type.getRawClass()) ? new IdDeserializer(type.getRawClass()) : null;
          }
        });
  }

  static boolean isTypedId(Class<?> type) {
    if (!type.isRecord() || !type.getSimpleName().endsWith("Id")) {
      return false;
    }
    RecordComponent[] components = type.getRecordComponents();
    return components.length == 1 && components[0].getType() == long.class;
  }

  private static final class IdSerializer extends StdSerializer<Object> {
    private static final long serialVersionUID = 1L;
    private final transient Method accessor;

    IdSerializer(Class<?> type) {
      super(Object.class);
      this.accessor = type.getRecordComponents()[0].getAccessor();
    }

    @Override
    public void serialize(Object id, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      try {
        gen.writeNumber((long) accessor.invoke(id));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("Cannot read the id " + id.getClass().getName(), e);
      }
    }
  }

  private static final class IdDeserializer extends StdDeserializer<Object> {
    private static final long serialVersionUID = 1L;
    private final transient Constructor<?> constructor;

    IdDeserializer(Class<?> type) {
      super(type);
      try {
        this.constructor = type.getDeclaredConstructor(long.class);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("A typed id without a constructor: " + type.getName(), e);
      }
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (!parser.currentToken().isNumeric()) {
        return context.handleUnexpectedToken(handledType(), parser);
      }
      try {
        return constructor.newInstance(parser.getLongValue());
      } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("Cannot create the id " + handledType().getName(), e);
      }
    }
  }
}
