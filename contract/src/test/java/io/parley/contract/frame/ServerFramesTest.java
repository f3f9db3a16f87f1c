package io.parley.contract.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.parley.contract.ErrorCode;
import io.parley.contract.FieldError;
import io.parley.contract.ServiceError;
import io.parley.contract.model.Message;
import io.parley.contract.model.Room;
import io.parley.contract.model.RoomCounters;
import io.parley.contract.model.UserRef;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each frame as docs/PROTOCOL.md shows it: its type and exactly its fields. */
class ServerFramesTest {

  private static final UserRef BOB = new UserRef("bbbbbbbbbbbbbbbbbbbb", "bob", "Bob");
  private static final Message MESSAGE = new Message("r-0000000042", "r", 42, BOB, "hello", "c-7",
      "2026-11-21T05:50:27.686Z", null, false, Map.of(), null, 48);

  @Test
  void timelineFramesCarryTheirRoomAndTheVersionOfTheChange() {
    JsonObject live = MessageFrame.live(MESSAGE).toJson();
    assertEquals(Set.of("type", "roomId", "version", "message"), live.fieldNames());
    assertEquals("message", live.getString("type"));
    assertEquals(48L, live.getLong("version"));
    assertEquals(MESSAGE, Message.fromJson(live.getJsonObject("message")));
    assertEquals(true, MessageFrame.resent(MESSAGE).toJson().getBoolean("sync"));

    assertEquals(Set.of("type", "roomId", "version", "message"), new MessageUpdated(MESSAGE).toJson().fieldNames());
    JsonObject deleted = new MessageDeleted(MESSAGE).toJson();
    assertEquals("r-0000000042", deleted.getString("messageId"));
    JsonObject reaction = new ReactionFrame(MESSAGE, ":tada:", BOB.id(), ReactionFrame.ADD).toJson();
    assertEquals(Set.of("type", "roomId", "version", "messageId", "emoji", "userId", "op"), reaction.fieldNames());
  }

  @Test
  void answersCarryTheRefOfTheFrameTheyAnswer() {
    JsonObject ack = Ack.sent(MESSAGE).answering("m7");
    assertEquals(new JsonObject().put("type", "ack").put("ref", "m7").put("clientMsgId", "c-7")
        .put("messageId", "r-0000000042").put("roomId", "r").put("seq", 42L)
        .put("createdAt", "2026-11-21T05:50:27.686Z"), ack);
    assertEquals(new JsonObject().put("type", "pong").put("ref", 3), new Pong().answering(3));
    assertFalse(new Pong().answering(null).containsKey("ref"));
    assertEquals(48L, Ack.changed(MESSAGE).toJson().getLong("version"));
  }

  @Test
  void errorsCarryTheContractWordAndTheBrokenRules() {
    JsonObject error = ErrorFrame.of(ServiceError.invalid(List.of(new FieldError("text", "must not be empty"))))
        .answering("m8");
    assertEquals("invalid_input", error.getString("code"));
    assertEquals("text", error.getJsonArray("errors").getJsonObject(0).getString("field"));
    JsonObject plain = ErrorFrame.of(ErrorCode.FORBIDDEN, "You are not a member of this room.").toJson();
    assertFalse(plain.containsKey("errors"));
    assertEquals("unavailable", ErrorFrame.of(new RuntimeException("internal detail")).toJson().getString("code"));
  }

  @Test
  void presenceAndMembershipReadBackWhatTheyWrite() {
    Presence presence = new Presence("r", BOB.id(), false, "2026-11-21T06:00:01Z");
    assertEquals("offline", presence.toJson().getString("status"));
    assertEquals(presence, Presence.fromJson(presence.toJson()));
    Room room = new Room("r", "general", Room.PUBLIC, "", 10, 1, RoomCounters.ZERO, true, 0L, null);
    assertEquals(Membership.joined(room), Membership.fromJson(Membership.joined(room).toJson()));
    assertFalse(Membership.left("r").toJson().containsKey("room"));
  }

  @Test
  void aReplyNamesItsThreadBesideTheMessageAndARoomUpdateCarriesTheRoom() {
    Message reply = new Message("r-0000000043", "r", 43, BOB, "yes", null, "t", null, false, null, null, 49,
        MESSAGE.id(), null, null, false, null);
    JsonObject live = MessageFrame.live(reply).toJson();
    assertEquals(Set.of("type", "roomId", "version", "message", "threadId"), live.fieldNames());
    assertEquals(MESSAGE.id(), live.getString("threadId"));
    Room room = new Room("r", "general", Room.PUBLIC, "", 10, 1, RoomCounters.ZERO, null, null, null, List.of("o"),
        "topic", null, null);
    JsonObject updated = new RoomUpdated(room).toJson();
    assertEquals(Set.of("type", "roomId", "room"), updated.fieldNames());
    assertEquals("room_updated", updated.getString("type"));
    assertEquals(room, Room.fromJson(updated.getJsonObject("room")));
  }

  @Test
  void syncedSaysWhereEachRoomReached() {
    JsonObject synced = new Synced(Map.of("r", new Synced.Point(47, true))).answering("s1");
    assertEquals(47L, synced.getJsonObject("rooms").getJsonObject("r").getLong("version"));
    assertEquals(true, synced.getJsonObject("rooms").getJsonObject("r").getBoolean("complete"));
  }
}
