package io.parley.contract.chat;

import static io.parley.contract.Refusals.assertRoundTrip;
import static io.parley.contract.Refusals.fields;
import static io.parley.contract.Refusals.messages;
import static io.parley.contract.Refusals.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.contract.ErrorCode;
import io.parley.contract.ServiceError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each chat request through its codec: what travels comes back equal, and what chat refuses is refused here. */
class ChatRequestsTest {

  private static final String ROOM = "rrrrrrrrrrrrrrrrrrrr";
  private static final String USER = "uuuuuuuuuuuuuuuuuuuu";
  private static final String MESSAGE = ROOM + "-0000000007";
  private static final JsonObject NE_NULL = new JsonObject().put("$ne", null);

  @Test
  void everyRequestComesBackEqualFromItsJson() {
    assertRoundTrip(NewRoom.CODEC, new NewRoom("general", "Talk", "private", 50));
    assertRoundTrip(NewRoom.CODEC, new NewRoom("general", null, null, null));
    assertRoundTrip(RoomRef.CODEC, new RoomRef(ROOM));
    assertRoundTrip(Invitation.CODEC, new Invitation(ROOM, USER));
    assertRoundTrip(DirectRoomRequest.CODEC, new DirectRoomRequest(USER));
    assertRoundTrip(NewMessage.CODEC, new NewMessage(ROOM, null, "hi", "c-1", null));
    assertRoundTrip(NewMessage.CODEC, new NewMessage(null, USER, "", null, "ffffffffffffffffffff"));
    assertRoundTrip(MessageEdit.CODEC, new MessageEdit(MESSAGE, "better"));
    assertRoundTrip(MessageRef.CODEC, new MessageRef(MESSAGE));
    assertRoundTrip(ReactionChange.CODEC, new ReactionChange(MESSAGE, ":tada:", "remove"));
    assertRoundTrip(HistoryQuery.CODEC, new HistoryQuery(ROOM, 40L, null, 10));
    assertRoundTrip(HistoryQuery.CODEC, new HistoryQuery(ROOM, null, null, null));
    Map<String, Long> rooms = new LinkedHashMap<>();
    rooms.put(ROOM, 12L);
    rooms.put(USER, 0L);
    assertRoundTrip(SyncQuery.CODEC, new SyncQuery(rooms));
    assertRoundTrip(ReadUpTo.CODEC, new ReadUpTo(ROOM, 9));
    assertRoundTrip(ChatOperations.ROOM_IDS_OF_USER.request(), USER);
    assertRoundTrip(NewMessage.CODEC, new NewMessage(ROOM, null, "in a thread", null, null, MESSAGE));
    assertRoundTrip(RepliesQuery.CODEC, new RepliesQuery(MESSAGE, null, 3L, 20));
    assertRoundTrip(MentionsQuery.CODEC, new MentionsQuery(MESSAGE, 5));
    assertRoundTrip(MentionsQuery.CODEC, new MentionsQuery(null, null));
    assertRoundTrip(ThreadsQuery.CODEC, new ThreadsQuery(10));
    assertRoundTrip(RoomChange.CODEC, new RoomChange(ROOM, "renamed", null, "today: ship"));
    assertRoundTrip(RoomMember.CODEC, new RoomMember(ROOM, USER));
    assertRoundTrip(RoomPrefsChange.CODEC, new RoomPrefsChange(ROOM, true));
    assertRoundTrip(ThreadReadUpTo.CODEC, new ThreadReadUpTo(MESSAGE, 8));
    assertRoundTrip(ChangesQuery.CODEC, new ChangesQuery(ROOM, 0));
    assertRoundTrip(ChangesQuery.CODEC, new ChangesQuery(ROOM, 4_000));
  }

  @Test
  void conversationRequestsRefuseWrongTypesAndOperators() {
    assertEquals(List.of("threadId"), fields(refused(NewMessage::parse,
        new JsonObject().put("roomId", ROOM).put("text", "x").put("threadId", NE_NULL))));
    assertEquals(List.of("threadId"), fields(refused(NewMessage::parse,
        new JsonObject().put("roomId", ROOM).put("text", "x").put("threadId", 7))));
    assertEquals(List.of("before"), fields(refused(RepliesQuery::parse,
        new JsonObject().put("messageId", MESSAGE).put("before", 5).put("after", 2))));
    assertEquals(List.of("messageId"), fields(refused(RepliesQuery::parse,
        new JsonObject().put("messageId", NE_NULL))));
    assertEquals(List.of("before", "limit"), fields(refused(MentionsQuery::parse,
        new JsonObject().put("before", NE_NULL).put("limit", 0))));
    assertEquals(List.of("must change at least one of name, description, topic"),
        messages(refused(RoomChange::parse, new JsonObject().put("roomId", ROOM))));
    ServiceError change = refused(RoomChange::parse, new JsonObject().put("roomId", ROOM).put("name", " ")
        .put("description", 4).put("topic", "t".repeat(251)));
    assertEquals(List.of("name", "description", "topic"), fields(change));
    assertEquals(new RoomChange(ROOM, "calm", null, ""), RoomChange.parse(ROOM,
        new JsonObject().put("name", " calm ").put("topic", " ")));
    assertEquals(List.of("muted"), fields(refused(RoomPrefsChange::parse,
        new JsonObject().put("roomId", ROOM).put("muted", "true"))));
    assertEquals(List.of("is required"), messages(refused(RoomPrefsChange::parse,
        new JsonObject().put("roomId", ROOM))));
    assertEquals(ErrorCode.NOT_FOUND, refused(json -> RoomMember.of(ROOM, json.getValue("userId")),
        new JsonObject().put("userId", "someone")).code());
    assertEquals(List.of("userId"), fields(refused(json -> RoomMember.parse(ROOM, json),
        new JsonObject().put("userId", NE_NULL))));
    assertEquals(List.of("seq"), fields(refused(ThreadReadUpTo::parse,
        new JsonObject().put("threadId", MESSAGE).put("seq", 1.5))));
    assertEquals(List.of("threadId"), fields(refused(ThreadReadUpTo::parse, new JsonObject().put("seq", 1))));
  }

  @Test
  void theChangesOfARoomAreAskedFromAWholeNonNegativeVersion() {
    assertEquals(List.of("version"), fields(refused(ChangesQuery::parse, new JsonObject().put("roomId", ROOM))));
    assertEquals(List.of("version"), fields(refused(ChangesQuery::parse,
        new JsonObject().put("roomId", ROOM).put("version", -1))));
    assertEquals(List.of("version"), fields(refused(ChangesQuery::parse,
        new JsonObject().put("roomId", ROOM).put("version", 2.5))));
    assertEquals(List.of("roomId"), fields(refused(ChangesQuery::parse, new JsonObject().put("version", 1))));
    assertEquals(ErrorCode.NOT_FOUND, refused(ChangesQuery::parse,
        new JsonObject().put("roomId", NE_NULL.encode()).put("version", 1)).code());
  }

  @Test
  void aRoomIsPublicWithoutATypeAndItsNameIsStrippedButNeverBlank() {
    NewRoom room = NewRoom.parse(new JsonObject().put("name", "  general ").put("description", " chat "));
    assertEquals(new NewRoom("general", "chat", "public", null), room);
    assertEquals(List.of("must not be blank"), messages(refused(NewRoom::parse, new JsonObject().put("name", "  "))));
    assertEquals(List.of("must not contain control characters"),
        messages(refused(NewRoom::parse, new JsonObject().put("name", "a\u0007b"))));
    ServiceError all = refused(NewRoom::parse, new JsonObject().put("name", 3).put("description", "d".repeat(501))
        .put("type", "direct").put("capacity", 1));
    assertEquals(List.of("name", "description", "type", "capacity"), fields(all));
    assertEquals(List.of("must be a string", "must be at most 500 characters", "must be one of public, private",
        "must be between 2 and 100000"), messages(all));
    assertEquals(List.of("capacity"), fields(refused(NewRoom::parse,
        new JsonObject().put("name", "x").put("capacity", 2.5))));
  }

  @Test
  void aMessageHasOneTargetAndAText() {
    assertEquals(List.of("text", "roomId"), fields(refused(NewMessage::parse, new JsonObject())));
    assertEquals(List.of("must not be empty", "is required, or toUserId"),
        messages(refused(NewMessage::parse, new JsonObject().put("text", ""))));
    assertEquals(List.of("cannot be combined with toUserId"), messages(refused(NewMessage::parse,
        new JsonObject().put("roomId", ROOM).put("toUserId", USER).put("text", "x"))));
    assertEquals(List.of("must be at most 4000 characters"), messages(refused(NewMessage::parse,
        new JsonObject().put("roomId", ROOM).put("text", "x".repeat(4001)))));
    assertEquals(List.of("must not be blank"), messages(refused(NewMessage::parse,
        new JsonObject().put("roomId", ROOM).put("text", " \n\t"))));
    assertEquals(List.of("must be at most 128 characters"), messages(refused(NewMessage::parse,
        new JsonObject().put("roomId", ROOM).put("text", "x").put("clientMsgId", "c".repeat(129)))));
    NewMessage withFile = NewMessage.parse(new JsonObject().put("roomId", ROOM).put("fileId", "f"));
    assertEquals("", withFile.text());
    // Four thousand characters are four thousand code points, emoji included.
    String emoji = "\uD83C\uDF89".repeat(4000);
    assertEquals(emoji, NewMessage.parse(new JsonObject().put("toUserId", USER).put("text", emoji)).text());
  }

  @Test
  void idsThatCannotNameAnythingAreNotFoundAndMistypedOnesInvalid() {
    assertEquals(ErrorCode.NOT_FOUND, refused(RoomRef::parse, new JsonObject().put("roomId", "nope")).code());
    assertEquals(List.of("must be a string"),
        messages(refused(RoomRef::parse, new JsonObject().put("roomId", NE_NULL))));
    assertEquals(List.of("is required"), messages(refused(RoomRef::parse, new JsonObject())));
    assertEquals(ErrorCode.NOT_FOUND, refused(DirectRoomRequest::parse, new JsonObject().put("userId", "x")).code());
    assertEquals(List.of("must be a string"), messages(refused(NewMessage::parse,
        new JsonObject().put("toUserId", NE_NULL).put("text", "x"))));
    assertEquals(ErrorCode.NOT_FOUND, refused(NewMessage::parse,
        new JsonObject().put("roomId", "room-1").put("text", "x")).code());
    assertEquals(List.of("roomId"), fields(refused(Invitation::parse, new JsonObject().put("userId", USER))));
    assertEquals(List.of("userId"), fields(refused(Invitation::parse, new JsonObject().put("roomId", ROOM))));
    assertEquals(List.of("messageId"), fields(refused(MessageRef::parse, new JsonObject().put("messageId", 7))));
    assertEquals(new Invitation(ROOM, USER), Invitation.parse(ROOM, new JsonObject().put("userId", USER)));
  }

  @Test
  void reactionsAreOneEmojiKeyAddedOrRemoved() {
    ServiceError missing = refused(ReactionChange::parse, new JsonObject().put("messageId", MESSAGE));
    assertEquals(List.of("emoji", "op"), fields(missing));
    assertEquals(List.of("must be one of add, remove"), messages(refused(ReactionChange::parse,
        new JsonObject().put("messageId", MESSAGE).put("emoji", ":x:").put("op", "toggle"))));
    for (String bad : List.of("a.b", "$where", "two words", "\u0000")) {
      assertEquals(List.of("emoji"), fields(refused(ReactionChange::parse,
          new JsonObject().put("messageId", MESSAGE).put("emoji", bad).put("op", "add"))), bad);
    }
    assertEquals(true, ReactionChange.of(MESSAGE, "\uD83D\uDC4D", "add").adds());
    assertEquals(List.of("must be at most 32 characters"), messages(refused(ReactionChange::parse,
        new JsonObject().put("messageId", MESSAGE).put("emoji", "x".repeat(33)).put("op", "add"))));
  }

  @Test
  void historyPagesGoOneWayAtATimeAndReadsNeedAWholeSeq() {
    assertEquals(List.of("before"), fields(refused(HistoryQuery::parse,
        new JsonObject().put("roomId", ROOM).put("before", 5).put("after", 2))));
    assertEquals(List.of("limit"), fields(refused(HistoryQuery::parse,
        new JsonObject().put("roomId", ROOM).put("limit", 101))));
    assertEquals(50, HistoryQuery.parse(ROOM, new JsonObject()).pageSize());
    assertEquals(List.of("seq"),
        fields(refused(ReadUpTo::parse, new JsonObject().put("roomId", ROOM).put("seq", "4"))));
    assertEquals(List.of("seq"), fields(refused(ReadUpTo::parse, new JsonObject().put("roomId", ROOM).put("seq", -1))));
    assertEquals(new ReadUpTo(ROOM, 4), ReadUpTo.parse(ROOM, new JsonObject().put("seq", 4)));
  }

  @Test
  void aSyncMapsRoomIdsToWholeVersionsAndNothingElse() {
    String rule = "must map at most 1000 room ids to whole, non-negative versions";
    for (Object bad : List.of(-1, 1.5, "3", NE_NULL)) {
      assertEquals(List.of(rule), messages(refused(SyncQuery::parse,
          new JsonObject().put("rooms", new JsonObject().put(ROOM, bad)))), String.valueOf(bad));
    }
    assertEquals(List.of(rule), messages(refused(SyncQuery::parse,
        new JsonObject().put("rooms", new JsonObject().put("$where", 1)))));
    assertEquals(List.of("must be an object of roomId to version"), messages(refused(SyncQuery::parse,
        new JsonObject().put("rooms", new JsonArray().add(ROOM)))));
    assertEquals(Map.of(ROOM, 2L), SyncQuery.parse(new JsonObject().put("rooms", new JsonObject().put(ROOM, 2.0)))
        .rooms());
  }
}
