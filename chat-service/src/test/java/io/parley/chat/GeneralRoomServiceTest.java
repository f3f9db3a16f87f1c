package io.parley.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.Actor;
import io.parley.contract.chat.ChatClient;
import io.parley.contract.chat.RoomRef;
import io.parley.contract.model.Room;
import io.parley.platform.EmbeddedStoreExtension;
import io.parley.testing.Await;
import io.parley.testing.FakePresence;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * #general: made once by whichever of several chat-services starts first, kept across restarts, not made again
 * once deleted; every user joins it the first time they ask for their rooms, and stays out once they left.
 */
@ExtendWith(VertxExtension.class)
class GeneralRoomServiceTest {

  @RegisterExtension
  static final EmbeddedStoreExtension STORE = new EmbeddedStoreExtension();

  private static final FakeAuth AUTH = new FakeAuth();
  private static final JsonObject GENERAL = new JsonObject().put(ChatConfig.GENERAL_ROOM, "general");

  @Test
  void generalIsMadeOnceEveryoneJoinsItAndADeletedOneStaysDeleted(Vertx vertx) {
    ChatClient chat = ChatHarness.deploy(vertx, AUTH, new FakePresence(), STORE.connectionString(), GENERAL, 3);
    String deployment = vertx.deploymentIDs().iterator().next();
    Actor first = AUTH.add("first", Actor.ROLE_ADMIN);
    Actor later = AUTH.add("later", Actor.ROLE_USER);
    AUTH.setAdmin(first, true);

    List<Room> firstRooms = Await.result(chat.roomsOf(first));
    assertEquals(List.of("general"), firstRooms.stream().map(Room::name).toList());
    String generalId = firstRooms.get(0).id();
    assertEquals(List.of(generalId), Await.result(chat.list(later)).rooms().stream().filter(Room::member)
        .map(Room::id).toList(), "a later user joins it too, on their first list of rooms");
    assertEquals(2, Await.result(chat.roomsOf(first)).get(0).memberCount());
    Await.result(chat.leave(later, new RoomRef(generalId)));
    assertEquals(List.of(), Await.result(chat.roomsOf(later)), "once left, left");

    Await.result(vertx.undeploy(deployment));
    ChatHarness.redeploy(vertx, STORE.connectionString(), GENERAL, 3);
    assertEquals(1, Await.result(chat.list(first)).rooms().stream().filter(room -> room.name().equals("general"))
        .count());
    assertEquals(List.of(generalId), Await.result(chat.roomsOf(AUTH.add("third", Actor.ROLE_USER))).stream()
        .map(Room::id).toList(), "the same room after a restart");

    Await.result(chat.deleteRoom(first, new RoomRef(generalId)));
    undeployAll(vertx);
    ChatHarness.redeploy(vertx, STORE.connectionString(), GENERAL, 2);
    assertTrue(Await.result(chat.list(AUTH.add("fourth", Actor.ROLE_USER))).rooms().isEmpty(),
        "an admin deleted it: it is not made again");
  }

  private static void undeployAll(Vertx vertx) {
    for (String id : List.copyOf(vertx.deploymentIDs())) {
      Await.result(vertx.undeploy(id));
    }
  }
}
