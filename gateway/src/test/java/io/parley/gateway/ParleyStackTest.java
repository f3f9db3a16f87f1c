package io.parley.gateway;

import io.parley.testing.RestClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** A test class with the whole of Parley started once for its tests, in the default configuration. */
@ExtendWith(VertxExtension.class)
abstract class ParleyStackTest {

  static ParleyStack parley;
  static RestClient rest;

  @BeforeAll
  static void startParley(Vertx vertx) {
    parley = ParleyStack.start(vertx);
    rest = parley.rest();
  }

  @AfterAll
  static void stopParley() {
    parley.close();
  }

  static JsonObject send(JsonObject session, String roomId, String text) {
    return parley.send(session, roomId, text);
  }

  /** The rooms of a {@code GET /api/rooms} answer, by id. */
  static Map<String, JsonObject> roomsById(JsonObject list) {
    return list.getJsonArray("rooms").stream().map(JsonObject.class::cast)
        .collect(Collectors.toMap(r -> r.getString("id"), r -> r));
  }
}
