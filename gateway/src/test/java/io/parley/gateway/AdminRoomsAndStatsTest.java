package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static io.parley.gateway.ParleyStack.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.testing.RestClient;
import io.parley.testing.SocketClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin panel's stats and room deletion, for admins only. */
@ExtendWith(VertxExtension.class)
class AdminRoomsAndStatsTest {

  @Test
  void adminsSeeTheFiguresAndDeleteRoomsOthersCannot(Vertx vertx) {
    try (ParleyStack parley = ParleyStack.start(vertx)) {
      RestClient rest = parley.rest();
      JsonObject admin = parley.newUser("admin");
      JsonObject member = parley.newUser("member");
      String roomId = parley.sharedRoom(admin, member);
      parley.send(admin, roomId, "one");
      parley.send(member, roomId, "two");
      SocketClient memberSocket = parley.socket(member);

      RestClient.Reply stats = rest.get("/api/admin/stats", token(admin));
      assertEquals(200, stats.status(), stats.raw().bodyAsString());
      assertEquals(2L, stats.json().getLong("users"));
      assertEquals(1L, stats.json().getLong("rooms"));
      assertEquals(2L, stats.json().getLong("messages"));
      JsonObject perGateway = stats.json().getJsonObject("connections");
      assertEquals(1, perGateway.size());
      assertEquals(1, perGateway.getInteger(perGateway.fieldNames().iterator().next()), "one socket, one gateway");
      assertEquals("forbidden", rest.get("/api/admin/stats", token(member)).code());

      assertEquals(403, rest.delete("/api/admin/rooms/" + roomId, token(member)).status());
      assertEquals(200, rest.get("/api/rooms/" + roomId, token(member)).status(), "refused: nothing deleted");
      assertEquals(404, rest.delete("/api/admin/rooms/aaaaaaaaaaaaaaaaaaaa", token(admin)).status());

      assertEquals(204, rest.delete("/api/admin/rooms/" + roomId, token(admin)).status());
      JsonObject left = memberSocket.next(f -> "member_left".equals(f.getString("type"))
          && userId(member).equals(f.getJsonObject("user").getString("id")), 5_000);
      assertEquals(roomId, left.getString("roomId"));
      assertFalse(memberSocket.next("membership").getBoolean("member"));
      assertEquals(404, rest.get("/api/rooms/" + roomId, token(member)).status());
      assertEquals(404, rest.get("/api/rooms/" + roomId + "/messages", token(admin)).status());
      assertTrue(rest.get("/api/rooms", token(member)).json().getJsonArray("rooms").stream()
          .noneMatch(r -> roomId.equals(((JsonObject) r).getString("id"))));
      assertEquals(0L, rest.get("/api/admin/stats", token(admin)).json().getLong("messages"));
      memberSocket.close();
    }
  }
}
