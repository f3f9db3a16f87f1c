package io.parley.gateway;

import static io.parley.gateway.ParleyStack.token;
import static io.parley.gateway.ParleyStack.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.contract.Addresses;
import io.parley.testing.RestClient;
import io.parley.testing.SocketClient;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Private messages: through direct rooms, to users online or not, with delivery notices and read receipts. */
class DirectMessagesTest extends ParleyStackTest {


  @Test
  void anOfflineRecipientGetsTheMessageOnConnectAndTheSenderIsToldItArrivedLate() {
    JsonObject ali = parley.newUser("ali");
    JsonObject bea = parley.newUser("bea");
    SocketClient aliSocket = parley.socket(ali);

    aliSocket.send(new JsonObject().put("type", "message").put("ref", "dm").put("toUserId", userId(bea))
        .put("text", "are you there?").put("clientMsgId", "a-1"));
    JsonObject ack = aliSocket.next("ack");
    assertEquals("dm", ack.getString("ref"));
    assertEquals(1L, ack.getLong("seq"));
    assertTrue(aliSocket.drain(300).stream().noneMatch(frame -> "delivered".equals(frame.getString("type"))));

    SocketClient beaSocket = SocketClient.connect(parley.vertx(), parley.port());
    beaSocket.send(new JsonObject().put("type", "auth").put("token", token(bea)));
    JsonObject ready = beaSocket.next("ready");
    JsonObject direct = ready.getJsonArray("rooms").getJsonObject(0);
    assertEquals(ack.getString("roomId"), direct.getString("id"));
    assertEquals("direct", direct.getString("type"));
    assertEquals(1L, direct.getLong("unread"));

    JsonObject arrived = beaSocket.next("message").getJsonObject("message");
    assertEquals("are you there?", arrived.getString("text"));
    assertEquals(ack.getString("messageId"), arrived.getString("id"));

    JsonObject delivered = aliSocket.next("delivered");
    assertEquals(ack.getString("messageId"), delivered.getString("messageId"));
    assertEquals(ack.getString("roomId"), delivered.getString("roomId"));
    assertTrue(delivered.getBoolean("late"));
    assertNotNull(delivered.getString("at"));

    SocketClient beaAgain = parley.socket(bea);
    assertTrue(aliSocket.drain(300).stream().noneMatch(frame -> "delivered".equals(frame.getString("type"))));
    assertTrue(beaAgain.drain(100).stream().noneMatch(frame -> "message".equals(frame.getString("type"))));
    aliSocket.close();
    beaSocket.close();
    beaAgain.close();
  }

  @Test
  void anOnlineRecipientGetsTheMessageAtOnceAndNoLateNotice() {
    JsonObject cy = parley.newUser("cy");
    JsonObject di = parley.newUser("di");
    SocketClient cySocket = parley.socket(cy);
    SocketClient diSocket = parley.socket(di);

    RestClient.Reply sent = rest.post("/api/messages", token(cy), new JsonObject().put("toUserId", userId(di))
        .put("text", "quick one"));
    assertEquals(201, sent.status());
    assertEquals("quick one", diSocket.next("message").getJsonObject("message").getString("text"));

    diSocket.close();
    SocketClient diBack = parley.socket(di);
    assertTrue(cySocket.drain(400).stream().noneMatch(frame -> "delivered".equals(frame.getString("type"))));
    cySocket.close();
    diBack.close();
  }

  /**
   * The recipient's gateway hears of the new direct room only after its first message was published to the
   * room (as a busy gateway or a cluster's slower registration would): the socket still gets the message, once.
   */
  @Test
  void aRecipientWhoseSocketHearsOfTheNewRoomLateStillGetsItsFirstMessageOnce() {
    JsonObject gus = parley.newUser("gus");
    JsonObject hal = parley.newUser("hal");
    SocketClient halSocket = parley.socket(hal);
    String halsAddress = Addresses.userEvents(userId(hal));
    Handler<DeliveryContext<Object>> lateMembership = delivery -> {
      if (delivery.message().address().equals(halsAddress) && delivery.body() instanceof JsonObject event
          && "membership".equals(event.getString("type"))) {
        parley.vertx().setTimer(400, ignored -> delivery.next());
      } else {
        delivery.next();
      }
    };
    parley.vertx().eventBus().addOutboundInterceptor(lateMembership);
    try {
      RestClient.Reply sent = rest.post("/api/messages", token(gus), new JsonObject()
          .put("toUserId", userId(hal)).put("text", "first words"));
      assertEquals(201, sent.status());
      String roomId = sent.json().getString("roomId");

      assertEquals(roomId, halSocket.next("membership").getString("roomId"));
      JsonObject arrived = halSocket.next("message");
      assertEquals("first words", arrived.getJsonObject("message").getString("text"));
      assertEquals(roomId, arrived.getString("roomId"));
      assertTrue(halSocket.drain(300).stream().noneMatch(frame -> "message".equals(frame.getString("type"))));
    } finally {
      parley.vertx().eventBus().removeOutboundInterceptor(lateMembership);
      halSocket.close();
    }
  }

  @Test
  void readingADirectRoomSendsAReceiptToTheOtherSideAndClearsUnread() {
    JsonObject ed = parley.newUser("ed");
    JsonObject flo = parley.newUser("flo");
    String room = rest.post("/api/dms", token(ed), new JsonObject().put("userId", userId(flo))).json()
        .getString("id");
    for (String text : List.of("one", "two", "three")) {
      rest.post("/api/messages", token(ed), new JsonObject().put("roomId", room).put("text", text));
    }
    assertEquals(3L, roomsById(rest.get("/api/rooms", token(flo)).json()).get(room).getLong("unread"));
    SocketClient edSocket = parley.socket(ed);
    SocketClient floSocket = parley.socket(flo);

    floSocket.send(new JsonObject().put("type", "read").put("ref", "rd").put("roomId", room).put("seq", 2));
    JsonObject answer = floSocket.answerTo("rd");
    assertEquals(2L, answer.getLong("seq"));
    assertEquals(1L, answer.getLong("unread"));
    JsonObject receipt = edSocket.next("receipt");
    assertEquals(room, receipt.getString("roomId"));
    assertEquals(userId(flo), receipt.getString("userId"));
    assertEquals(2L, receipt.getLong("seq"));

    RestClient.Reply backwards = rest.post("/api/rooms/" + room + "/read", token(flo), new JsonObject().put("seq", 1));
    assertEquals(2L, backwards.json().getLong("seq"));
    assertEquals(1L, roomsById(rest.get("/api/rooms", token(flo)).json()).get(room).getLong("unread"));
    assertEquals(0L, roomsById(rest.get("/api/rooms", token(ed)).json()).get(room).getLong("unread"));
    assertEquals(400, rest.post("/api/rooms/" + room + "/read", token(flo), new JsonObject().put("seq", -1))
        .status());
    assertEquals(400, rest.post("/api/rooms/" + room + "/read", token(flo), new JsonObject().put("seq", "2"))
        .status());
    edSocket.close();
    floSocket.close();
  }

  @Test
  void outsidersCannotReadOrWriteADirectRoom() {
    JsonObject gia = parley.newUser("gia");
    JsonObject hub = parley.newUser("hub");
    JsonObject ike = parley.newUser("ike");
    String room = rest.post("/api/messages", token(gia), new JsonObject().put("toUserId", userId(hub))
        .put("text", "just us")).json().getString("roomId");

    assertEquals(403, rest.get("/api/rooms/" + room + "/messages", token(ike)).status());
    assertEquals(403, rest.post("/api/messages", token(ike), new JsonObject().put("roomId", room).put("text", "hi"))
        .status());
    assertEquals(403, rest.post("/api/rooms/" + room + "/read", token(ike), new JsonObject().put("seq", 1))
        .status());
    assertEquals(404, rest.post("/api/messages", token(gia), new JsonObject().put("toUserId", "abcdefghijklmnopqrst")
        .put("text", "hello?")).status());
    assertEquals(400, rest.post("/api/messages", token(gia), new JsonObject().put("toUserId", userId(gia))
        .put("text", "me")).status());
    assertEquals(1, rest.get("/api/rooms/" + room + "/messages", token(hub)).json().getJsonArray("messages").size());
  }
}
