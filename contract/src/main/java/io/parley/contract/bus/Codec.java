package io.parley.contract.bus;

import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * How one payload type travels on the event bus: as a JSON object. {@code decode} of a request is its
 * validating parser (it fails with a {@link io.parley.contract.ServiceError}), so a service never acts on a
 * payload the contract does not allow; {@code decode} of an answer trusts the service that made it.
 */
public record Codec<T>(Function<T, JsonObject> encode, Function<JsonObject, T> decode) {

  /** A payload or answer with nothing in it: {@code {}}. */
  public static final Codec<Void> NONE = new Codec<>(ignored -> new JsonObject(), ignored -> null);

  /** A JSON object passed as it is: for the few payloads whose shape is the client's, such as a client frame. */
  public static final Codec<JsonObject> JSON = new Codec<>(json -> json, json -> json);

  public static <T> Codec<T> of(Function<T, JsonObject> encode, Function<JsonObject, T> decode) {
    return new Codec<>(encode, decode);
  }
}
