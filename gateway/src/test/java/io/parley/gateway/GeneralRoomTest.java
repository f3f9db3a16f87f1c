package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static io.parley.gateway.ParleyStack.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.chat.ChatConfig;
import io.parley.testing.SocketClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A fresh install greets its first user with #general, and everyone who signs up after joins it too. */
@ExtendWith(VertxExtension.class)
class GeneralRoomTest {

  @Test
  void theFirstAccountAndEveryLaterOneAreInGeneral(Vertx vertx) {
    try (ParleyStack parley = ParleyStack.start(vertx, new JsonObject().put(ChatConfig.GENERAL_ROOM, "general"),
        2)) {
      JsonObject first = parley.newUser("first");
      SocketClient firstSocket = parley.socket(first);
      JsonObject general = SocketAssertionsOfReady.room(parley, first, generalId(parley, first));
      assertEquals("general", general.getString("name"));
      assertEquals("public", general.getString("type"));

      JsonObject later = parley.newUser("later");
      JsonObject listed = parley.rest().get("/api/rooms", token(later)).json().getJsonArray("rooms").getJsonObject(0);
      assertEquals(general.getString("id"), listed.getString("id"));
      assertEquals(true, listed.getBoolean("member"));
      assertEquals(general.getString("id"), firstSocket.next(f -> "member_joined".equals(f.getString("type"))
          && userId(later).equals(f.getJsonObject("user").getString("id")), 5_000).getString("roomId"));
      assertEquals(List.of("general"), parley.rest().get("/api/rooms", token(first)).json().getJsonArray("rooms")
          .stream().map(room -> ((JsonObject) room).getString("name")).toList(), "made once, by two chat-services");
      firstSocket.close();
    }
  }

  private static String generalId(ParleyStack parley, JsonObject session) {
    return parley.rest().get("/api/rooms", token(session)).json().getJsonArray("rooms").getJsonObject(0)
        .getString("id");
  }
}
