package org.fabrique.store.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.TreeSet;
import org.fabrique.core.error.StorageException;
import org.fabrique.core.history.Operation;
import org.fabrique.core.history.OperationTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OperationCodecTest {
  private final OperationCodec codec = new OperationCodec();
  private final ObjectMapper json = new ObjectMapper();

  static Iterable<String> registeredTypes() {
    return new TreeSet<>(OperationTypes.all().keySet());
  }

  @Test
  void everyRegisteredOperationTypeHasASample() {
    assertEquals(
        new TreeSet<>(OperationTypes.all().keySet()),
        new TreeSet<>(SampleOperations.all().keySet()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("registeredTypes")
  void anOperationIsReadBackEqualToTheOneWritten(String type) {
    Operation sample = SampleOperations.all().get(type);
    assertEquals(type, codec.typeOf(sample));
    assertEquals(sample, codec.read(type, codec.write(sample)));
  }

  /**
   * The stored format must not drift: the JSON of each sample is kept in a golden file, and old
   * histories must stay readable. A new type needs its line in the golden file.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("registeredTypes")
  void theStoredFormatMatchesTheGoldenFile(String type) throws IOException {
    Operation sample = SampleOperations.all().get(type);
    JsonNode written = json.readTree(codec.write(sample));
    JsonNode golden = golden().get(type);
    if (golden == null) {
      fail("Add to operations/golden.json: \"" + type + "\": " + written);
    }
    assertEquals(golden, written);
    assertEquals(sample, codec.read(type, json.writeValueAsString(golden)));
  }

  @Test
  void typedIdsAreWrittenAsPlainNumbersAndNestedOperationsWithTheirType() throws IOException {
    JsonNode steps =
        json.readTree(codec.write(SampleOperations.all().get("composite"))).get("steps");
    JsonNode createCode = steps.get(0);
    assertEquals("code.create", createCode.get("type").asText());
    assertTrue(createCode.get("op").get("code").get("id").isIntegralNumber());
    assertEquals(6, createCode.get("op").get("code").get("id").asLong());
    assertEquals(5, createCode.get("op").get("code").get("parentId").asLong());
    JsonNode coding = steps.get(1).get("op").get("coding");
    assertEquals("2024-03-01T09:15:30.123456789Z", coding.get("createdAt").asText());
    assertTrue(steps.get(2).get("op").get("value").isNull());
    assertEquals("composite", steps.get(3).get("type").asText());
  }

  @Test
  void anUnknownTypeIsAStorageFailureNamingTheType() {
    StorageException failure =
        assertThrows(StorageException.class, () -> codec.read("journey.fly", "{}"));
    assertTrue(failure.getMessage().contains("journey.fly"));
  }

  @Test
  void aNestedOperationOfUnknownTypeCannotBeRead() {
    assertThrows(
        StorageException.class,
        () ->
            codec.read(
                "composite",
                "{\"description\":\"x\",\"steps\":[{\"type\":\"journey.fly\",\"op\":{}}]}"));
  }

  @Test
  void jsonThatDoesNotFitTheTypeIsAStorageFailure() {
    assertThrows(StorageException.class, () -> codec.read("memo.delete", "{\"memoId\":\"x\"}"));
    assertThrows(StorageException.class, () -> codec.read("memo.delete", "not json"));
  }

  private static JsonNode golden() throws IOException {
    try (InputStream in = OperationCodecTest.class.getResourceAsStream("/operations/golden.json")) {
      if (in == null) {
        return new ObjectMapper().createObjectNode();
      }
      return new ObjectMapper().readTree(in);
    }
  }
}
