package io.parley.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.Actor;
import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.parley.contract.auth.AuthEndpoints;
import io.parley.contract.bus.BusClient;
import io.parley.contract.bus.BusEndpoints;
import io.parley.contract.chat.ChatClient;
import io.parley.contract.chat.HistoryQuery;
import io.parley.contract.chat.NewMessage;
import io.parley.contract.chat.NewRoom;
import io.parley.contract.chat.Posted;
import io.parley.contract.chat.RoomRef;
import io.parley.contract.model.Message;
import io.parley.contract.model.Room;
import io.parley.contract.presence.PresenceEndpoints;
import io.parley.platform.CommonConfig;
import io.parley.platform.EmbeddedStoreExtension;
import io.parley.platform.TestStores;
import io.parley.testing.Await;
import io.parley.testing.FakePresence;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two chat-service instances on one store, as two processes would run: the event bus hands requests to them in
 * turn, so consecutive requests reach both. What one instance cached of a membership must not outlive a leave
 * handled by the other, and both writing one room must number it gap-free.
 */
@ExtendWith(VertxExtension.class)
class TwoInstancesTest {

  @RegisterExtension
  static final EmbeddedStoreExtension STORE = new EmbeddedStoreExtension();

  private static final FakeAuth AUTH = new FakeAuth();
  private static ChatClient chat;

  @BeforeAll
  static void deployTwo(Vertx vertx) {
    BusEndpoints fakes = new BusEndpoints(vertx.eventBus());
    AuthEndpoints.bindAccounts(fakes, AUTH);
    AuthEndpoints.bindAdmin(fakes, AUTH);
    PresenceEndpoints.bind(fakes, new FakePresence());
    Await.result(fakes.ready());
    JsonObject config = new JsonObject()
        .put(CommonConfig.MONGO_URI, STORE.connectionString())
        .put(CommonConfig.DATA_DIR, TestStores.freshDataDir().toString());
    for (int i = 0; i < 2; i++) {
      Await.result(vertx.deployVerticle(new ChatVerticle(), new DeploymentOptions().setConfig(config)));
    }
    chat = new ChatClient(new BusClient(vertx.eventBus()));
  }

  @Test
  void aLeaveHandledByOneInstanceStopsTheSendsThatReachTheOther() {
    Actor ann = AUTH.add("ann2", Actor.ROLE_USER);
    Actor ben = AUTH.add("ben2", Actor.ROLE_USER);
    Room room = Await.result(chat.create(ann, new NewRoom("Two doors", null, null, null)));
    Await.result(chat.join(ben, new RoomRef(room.id())));
    for (int i = 0; i < 4; i++) {
      // Both instances answer some of these, and remember that ben is a member.
      Await.result(chat.send(ben, new NewMessage(room.id(), null, "in " + i, null, null)));
    }

    Await.result(chat.leave(ben, new RoomRef(room.id())));
    for (int i = 0; i < 4; i++) {
      assertEquals(ErrorCode.FORBIDDEN, failure(chat.send(ben, new NewMessage(room.id(), null, "out " + i, null,
          null))).code(), "send " + i + " after the leave");
    }

    Await.result(chat.join(ben, new RoomRef(room.id())));
    for (int i = 0; i < 4; i++) {
      Await.result(chat.send(ben, new NewMessage(room.id(), null, "back " + i, null, null)));
    }
    assertEquals(8, Await.result(chat.history(ann, new HistoryQuery(room.id(), null, null, null))).messages().size());
  }

  @Test
  void bothInstancesWritingOneRoomNumberItGapFreeAndAnswerResendsWithTheFirstMessage() {
    Actor cat = AUTH.add("cat2", Actor.ROLE_USER);
    Actor dan = AUTH.add("dan2", Actor.ROLE_USER);
    Room room = Await.result(chat.create(cat, new NewRoom("Busy", null, null, null)));
    Await.result(chat.join(dan, new RoomRef(room.id())));

    List<Future<Posted>> sends = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Actor sender = i % 3 == 0 ? dan : cat;
      sends.add(chat.send(sender, new NewMessage(room.id(), null, "m" + i, "c" + i, null)));
    }
    List<Message> first = sends.stream().map(send -> Await.result(send, 60)).map(Posted::message).toList();
    List<Future<Posted>> resends = new ArrayList<>();
    for (int i = 0; i < 60; i += 7) {
      Actor sender = i % 3 == 0 ? dan : cat;
      resends.add(chat.send(sender, new NewMessage(room.id(), null, "m" + i, "c" + i, null)));
    }

    assertEquals(LongStream.rangeClosed(1, 60).boxed().toList(),
        first.stream().map(Message::seq).sorted().toList());
    assertEquals(LongStream.rangeClosed(1, 60).boxed().toList(),
        first.stream().map(Message::version).sorted().toList());
    for (int i = 0, r = 0; i < 60; i += 7, r++) {
      Posted again = Await.result(resends.get(r));
      assertFalse(again.created());
      assertEquals(first.get(i).id(), again.message().id());
    }
    List<Message> stored = new ArrayList<>();
    stored.addAll(Await.result(chat.history(cat, new HistoryQuery(room.id(), null, null, 100))).messages());
    assertEquals(60, stored.size());
    assertTrue(stored.stream().allMatch(message -> message.text().equals("m" + message.clientMsgId().substring(1))));
  }

  private static ServiceError failure(Future<?> future) {
    return ServiceError.from(Await.failure(future));
  }
}
