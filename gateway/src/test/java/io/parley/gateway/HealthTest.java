package io.parley.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.testing.RestClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class HealthTest {

  @Test
  void healthNamesTheServiceThatDoesNotAnswer(Vertx vertx) {
    try (ParleyStack parley = ParleyStack.start(vertx)) {
      RestClient.Reply up = parley.rest().get("/health", null);
      assertEquals(200, up.status());
      assertEquals("up", up.json().getString("status"));

      parley.stopChatService();

      RestClient.Reply down = parley.rest().get("/health", null);
      assertEquals(503, down.status());
      JsonObject services = down.json().getJsonObject("services");
      assertEquals("down", services.getString("chat-service"));
      assertEquals("up", services.getString("auth-service"));
      assertEquals("up", services.getString("presence-service"));
    }
  }
}
