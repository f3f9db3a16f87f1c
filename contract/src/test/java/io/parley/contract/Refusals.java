package io.parley.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parley.contract.bus.Codec;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/** What the request tests check of a codec: a value comes back equal, and a refusal lists its fields and rules. */
public final class Refusals {

  private Refusals() {
  }

  public static <T> void assertRoundTrip(Codec<T> codec, T value) {
    assertEquals(value, codec.decode().apply(codec.encode().apply(value)));
  }

  public static ServiceError refused(Function<JsonObject, ?> parse, JsonObject json) {
    return assertThrows(ServiceError.class, () -> parse.apply(json));
  }

  /** The fields an {@code invalid_input} refusal lists, in order. */
  public static List<String> fields(ServiceError error) {
    assertEquals(ErrorCode.INVALID_INPUT, error.code());
    return error.errors().stream().map(FieldError::field).toList();
  }

  /** The rules an {@code invalid_input} refusal lists, in order. */
  public static List<String> messages(ServiceError error) {
    assertEquals(ErrorCode.INVALID_INPUT, error.code());
    return error.errors().stream().map(FieldError::message).toList();
  }
}
