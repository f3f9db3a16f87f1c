package io.parley.contract.chat;

import static io.parley.contract.Refusals.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.parley.contract.frame.FrameEvents;
import io.parley.contract.frame.MessageFrame;
import io.parley.contract.model.Member;
import io.parley.contract.model.Message;
import io.parley.contract.model.Room;
import io.parley.contract.model.RoomCounters;
import io.parley.contract.model.RoomSummary;
import io.parley.contract.model.UserRef;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** chat-service's answers and notices: the JSON REST clients and gateways have always seen, and back. */
class ChatRepliesTest {

  private static final UserRef BOB = new UserRef("bbbbbbbbbbbbbbbbbbbb", "bob", "Bob");
  private static final Message MESSAGE = new Message("r-0000000003", "r", 3, BOB, "hi", "c-3", "t", null, false,
      Map.of(":x:", List.of(BOB.id())), null, 5);
  private static final Room ROOM = new Room("r", "general", Room.PUBLIC, "", 10, 2, new RoomCounters(3, 5), null,
      null, null);

  @Test
  void roomsTravelAsTheContractShowsThem() {
    RoomDetail detail = new RoomDetail(ROOM.forMember(1), List.of(new Member(BOB, true)));
    JsonObject json = detail.toJson();
    assertEquals(2L, json.getLong("unread"));
    assertEquals(Set.of("id", "username", "displayName", "online"),
        json.getJsonArray("members").getJsonObject(0).fieldNames());
    assertRoundTrip(RoomDetail.CODEC, detail);
    assertRoundTrip(RoomList.CODEC, new RoomList(List.of(ROOM.forNonMember(), ROOM.forMember(3)), "r"));
    assertFalse(new RoomList(List.of(), null).toJson().containsKey("lastRoomId"));
    assertRoundTrip(DirectRoom.CODEC, new DirectRoom(new Room("d", "a, b", Room.DIRECT, "", 2, 2, RoomCounters.ZERO,
        true, 0L, List.of("a", "b")), true));
    assertRoundTrip(ChatOperations.ROOMS_OF_USER.reply(), List.of(ROOM.forMember(0)));
    assertRoundTrip(ChatOperations.ROOMMATES.reply(), List.of("a", "b"));
  }

  @Test
  void messagesTravelWithWhatHappenedToThem() {
    assertEquals(Set.of("message", "created"), new Posted(MESSAGE, false).toJson().fieldNames());
    assertRoundTrip(Posted.CODEC, new Posted(MESSAGE, true));
    assertRoundTrip(Reacted.CODEC, new Reacted(MESSAGE, false));
    assertRoundTrip(ChatOperations.MESSAGE_EDIT.reply(), MESSAGE);
    assertRoundTrip(HistoryPage.CODEC, new HistoryPage(List.of(MESSAGE), true));
    assertRoundTrip(ChatOperations.SYNC.reply(), List.of(new SyncedRoom("r", 5, false, List.of(MESSAGE))));
    assertEquals(new JsonObject().put("roomId", "r").put("seq", 3L).put("unread", 0L).put("mentions", 0L),
        new ReadMark("r", 3, 0).toJson());
    assertRoundTrip(ReadMark.CODEC, new ReadMark("r", 3, 0));
    assertRoundTrip(ChatStats.CODEC, new ChatStats(4, 90));
    assertRoundTrip(ChatOperations.DELIVERIES_FLUSH.reply(), 2);
  }

  @Test
  void conversationAnswersTravelWithTheirRooms() {
    RoomSummary room = new RoomSummary("r", "general", Room.PUBLIC);
    assertRoundTrip(RepliesPage.CODEC, new RepliesPage(MESSAGE, List.of(MESSAGE), false));
    assertRoundTrip(MentionPage.CODEC, new MentionPage(List.of(new MentionPage.Mention(MESSAGE, room)), true));
    assertRoundTrip(ThreadList.CODEC, new ThreadList(List.of(new ThreadList.FollowedThread(MESSAGE, room, 3, 2))));
    assertRoundTrip(ThreadReadMark.CODEC, new ThreadReadMark(MESSAGE.id(), "r", 4, 1, 2, 0));
    assertRoundTrip(ChatOperations.MESSAGE_EDITS.reply(), List.of(new EarlierText("first", "t")));
    assertRoundTrip(ChatOperations.PINS.reply(), List.of(MESSAGE));
    assertEquals(Set.of("id", "name", "type"), room.toJson().fieldNames());
  }

  @Test
  void noticesBetweenInstancesCarryTheMessageAsTheChangeLeftIt() {
    assertRoundTrip(TimelineChanged.CODEC, new TimelineChanged("r", 5, MESSAGE));
    assertRoundTrip(TimelineChanges.CODEC, new TimelineChanges(List.of(new TimelineChanged("r", 5, MESSAGE),
        new TimelineChanged("s", 9, MESSAGE))));
    assertRoundTrip(JournalYield.CODEC, new JournalYield("r", "instance", 40));
  }

  @Test
  void roomAndUserEventsAreFramesOnTheirOwnAddresses() {
    assertEquals("parley.room.r", FrameEvents.room("r").address());
    assertEquals("parley.user.u", FrameEvents.user("u").address());
    assertEquals(MessageFrame.live(MESSAGE).toJson(),
        FrameEvents.room("r").payload().encode().apply(MessageFrame.live(MESSAGE)));
  }
}
