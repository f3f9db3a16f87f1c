package io.parley.contract.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelCodecsTest {

  private static final UserRef ALICE = new UserRef("aaaaaaaaaaaaaaaaaaaa", "alice", "Alice");

  @Test
  void aMessageKeepsEveryFieldThroughJsonAndLeavesOutWhatItLacks() {
    Message message = new Message("r-0000000001", "r", 1, ALICE, "hi *there*", "c-1", "2026-12-04T00:00:00Z",
        "2026-12-04T00:01:00Z", false, Map.of(":+1:", List.of(ALICE.id())),
        new Attachment("f", "a.png", 42, "image/png"), 7);
    assertEquals(message, Message.fromJson(message.toJson()));

    Message plain = new Message("r-0000000002", "r", 2, ALICE, "x", null, "t", null, false, null, null, 8);
    JsonObject json = plain.toJson();
    assertFalse(json.containsKey("editedAt"));
    assertFalse(json.containsKey("deleted"));
    assertFalse(json.containsKey("attachment"));
    assertEquals(new JsonObject(), json.getJsonObject("reactions"));
    assertEquals(9, plain.withVersion(9).version());
  }

  @Test
  void aMessageCarriesItsThreadMentionsAndPinOnlyWhenItHasThem() {
    Message root = new Message("r-0000000003", "r", 3, ALICE, "@bob see", null, "t", null, false, null, null, 9,
        null, new ThreadSummary(2, "t2", List.of("b", "c")), List.of("b"), true, new Pin("c", "t3"));
    assertEquals(root, Message.fromJson(root.toJson()));
    assertEquals(2L, root.toJson().getJsonObject("thread").getLong("replyCount"));
    assertEquals(true, root.mentions("anyone"), "@room names every member");
    Message reply = new Message("r-0000000004", "r", 4, ALICE, "yes", null, "t", null, false, null, null, 10,
        root.id(), null, null, false, null);
    assertEquals(reply, Message.fromJson(reply.toJson()));
    assertEquals(root.id(), reply.toJson().getString("threadId"));
    for (String absent : List.of("thread", "mentions", "mentionsRoom", "pinned")) {
      assertFalse(reply.toJson().containsKey(absent), absent);
    }
    assertFalse(reply.mentions("b"));
  }

  @Test
  void aRoomShowsItsOwnersAndTopicToAllAndWhatIsUnreadOrMutedToMembers() {
    Room room = new Room("r", "general", Room.PUBLIC, "", 1000, 3, new RoomCounters(10, 12), null, null, null,
        List.of("o"), "ship it", null, null);
    Room member = room.forMember(new Room.Reading(4, 1, true));
    assertEquals(member, Room.fromJson(member.toJson()));
    assertEquals(List.of("o"), member.toJson().getJsonArray("owners").getList());
    assertEquals(true, member.toJson().getBoolean("muted"));
    assertEquals(1L, member.toJson().getLong("mentions"));
    JsonObject everyone = member.forEveryone().toJson();
    for (String personal : List.of("member", "unread", "mentions", "muted")) {
      assertFalse(everyone.containsKey(personal), personal);
    }
    assertEquals("ship it", everyone.getString("topic"));
    assertEquals("", new Room("d", "a, b", Room.DIRECT, "", 2, 2, RoomCounters.ZERO, true, 0L, null).topic());
  }

  @Test
  void aRoomShowsUnreadOnlyToMembersAndUserIdsOnlyWhenDirect() {
    Room room = new Room("r", "general", Room.PUBLIC, "", 1000, 3, new RoomCounters(10, 12), null, null, null);
    JsonObject nonMember = room.forNonMember().toJson();
    assertEquals(false, nonMember.getBoolean("member"));
    assertFalse(nonMember.containsKey("unread"));
    assertFalse(nonMember.containsKey("userIds"));
    Room member = room.forMember(4);
    assertEquals(6L, member.unread());
    assertEquals(member, Room.fromJson(member.toJson()));

    Room direct = new Room("d", "a, b", Room.DIRECT, "", 2, 2, RoomCounters.ZERO, true, 0L, List.of("a", "b"));
    assertEquals(direct, Room.fromJson(direct.toJson()));
    assertEquals("b", direct.otherUser("a"));
  }

  @Test
  void unreadIsNeverNegative() {
    assertEquals(0, new RoomCounters(3, 5).unreadAfter(9));
    assertEquals(2, new RoomCounters(3, 5).unreadAfter(1));
  }

  @Test
  void aUserCarriesOnlineAndBannedOnlyWhenKnown() {
    User user = new User("u", "alice", "Alice", User.ROLE_USER, "t", null, null);
    assertFalse(user.toJson().containsKey("online"));
    assertFalse(user.toJson().containsKey("banned"));
    User online = user.withOnline(true);
    assertEquals(online, User.fromJson(online.toJson()));
    assertEquals(ALICE.id(), new User(ALICE.id(), "alice", "Alice", "user", "t", null, null).ref().id());
    assertNull(User.fromJson(user.toJson()).online());
  }
}
