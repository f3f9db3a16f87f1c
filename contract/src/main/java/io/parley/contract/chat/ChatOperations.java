package io.parley.contract.chat;

import io.parley.contract.Addresses;
import io.parley.contract.ServiceError;
import io.parley.contract.bus.Codec;
import io.parley.contract.bus.Notice;
import io.parley.contract.bus.Operation;
import io.parley.contract.model.Health;
import io.parley.contract.model.JsonValues;
import io.parley.contract.model.Message;
import io.parley.contract.model.Room;
import io.parley.contract.model.RoomSummary;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What chat-service answers and publishes on the event bus, with the payload of each. A room as answered is the
 * contract's room ({@link Room}: with {@code member} and {@code unread} where the actor's membership was looked at,
 * {@code userIds} for a direct room); a message is the contract's message ({@link Message}).
 */
public final class ChatOperations {

  private ChatOperations() {
  }

  private static final Codec<Room> ROOM = Codec.of(Room::toJson, Room::fromJson);
  private static final Codec<List<Room>> ROOMS = Codec.of(
      rooms -> new JsonObject().put("rooms", JsonValues.encodeAll(rooms, Room::toJson)),
      json -> JsonValues.decodeAll(json.getJsonArray("rooms"), Room::fromJson));
  private static final Codec<Message> MESSAGE = Codec.of(message -> new JsonObject().put("message", message.toJson()),
      json -> Message.fromJson(json.getJsonObject("message")));
  private static final Codec<List<SyncedRoom>> SYNCED = Codec.of(
      rooms -> new JsonObject().put("rooms", JsonValues.encodeAll(rooms, SyncedRoom::toJson)),
      json -> JsonValues.decodeAll(json.getJsonArray("rooms"), SyncedRoom::fromJson));
  private static final Codec<List<RoomSummary>> ROOM_SUMMARIES = Codec.of(
      rooms -> new JsonObject().put("rooms", JsonValues.encodeAll(rooms, RoomSummary::toJson)),
      json -> JsonValues.decodeAll(json.getJsonArray("rooms"), RoomSummary::fromJson));
  private static final Codec<List<String>> USER_IDS = Codec.of(ids -> new JsonObject().put("userIds",
      JsonValues.array(ids)), json -> JsonValues.strings(json.getJsonArray("userIds")));
  private static final Codec<List<String>> ROOM_IDS = Codec.of(ids -> new JsonObject().put("roomIds",
      JsonValues.array(ids)), json -> JsonValues.strings(json.getJsonArray("roomIds")));
  /** Asked by services for users of their own: any string, whose rooms are then none when it names nobody. */
  private static final Codec<String> USER_ID = Codec.of(userId -> new JsonObject().put("userId", userId), json -> {
    if (json.getValue("userId") instanceof String userId) {
      return userId;
    }
    throw ServiceError.invalid("userId", "must be a string");
  });
  private static final Codec<Integer> DELIVERED = Codec.of(n -> new JsonObject().put("delivered", n),
      json -> json.getInteger("delivered", 0));
  private static final Codec<List<Message>> MESSAGES = Codec.of(
      messages -> new JsonObject().put("messages", JsonValues.encodeAll(messages, Message::toJson)),
      json -> JsonValues.decodeAll(json.getJsonArray("messages"), Message::fromJson));
  private static final Codec<List<EarlierText>> EDITS = Codec.of(
      edits -> new JsonObject().put("edits", JsonValues.encodeAll(edits, EarlierText::toJson)),
      json -> JsonValues.decodeAll(json.getJsonArray("edits"), EarlierText::fromJson));

  // rooms and membership ---------------------------------------------------------------------------------
  public static final Operation<NewRoom, Room> ROOM_CREATE = Operation.forActor(Addresses.CHAT_ROOM_CREATE,
      NewRoom.CODEC, ROOM, "{actor, name, description?, type?, capacity?} -> room; the creator is its first member.");
  public static final Operation<RoomRef, Room> ROOM_JOIN = Operation.forActor(Addresses.CHAT_ROOM_JOIN,
      RoomRef.CODEC, ROOM, "{actor, roomId} -> room. Public rooms only, or a room the actor already belongs to.")
      .idempotent();
  public static final Operation<RoomRef, Void> ROOM_LEAVE = Operation.forActor(Addresses.CHAT_ROOM_LEAVE,
      RoomRef.CODEC, Codec.NONE, "{actor, roomId} -> {}. Leaving a room one is not in changes nothing; direct rooms "
          + "cannot be left.")
      .idempotent();
  public static final Operation<Invitation, Room> ROOM_INVITE = Operation.forActor(Addresses.CHAT_ROOM_INVITE,
      Invitation.CODEC, ROOM, "{actor, roomId, userId} -> room: a member adds another user (the way into a private "
          + "room).");
  public static final Operation<RoomRef, RoomDetail> ROOM_GET = Operation.forActor(Addresses.CHAT_ROOM_GET,
      RoomRef.CODEC, RoomDetail.CODEC, "{actor, roomId} -> room with members:[{id, username, displayName, online}].")
      .idempotent();
  public static final Operation<Void, RoomList> ROOMS_LIST = Operation.forActor(Addresses.CHAT_ROOMS_LIST,
      Codec.NONE, RoomList.CODEC, "{actor} -> {rooms:[room], lastRoomId?}: every public room and every room of the "
          + "actor, those of the actor with unread, mentions and muted. The first time a user asks, they join "
          + "#general.")
      .idempotent();
  public static final Operation<Void, List<Room>> ROOMS_OF_USER = Operation.forActor(Addresses.CHAT_ROOMS_OF_USER,
      Codec.NONE, ROOMS, "{actor} -> {rooms:[room with lastSeq, version, owners, topic, unread, mentions, muted]}: "
          + "the rooms the actor is a member of. The first time a user asks, they join #general.")
      .idempotent();
  public static final Operation<Void, List<RoomSummary>> ROOMS_READABLE = Operation.forActor(
      Addresses.CHAT_ROOMS_READABLE, Codec.NONE, ROOM_SUMMARIES, "{actor} -> {rooms:[{id, name, type}]}: every room "
          + "the actor may read now (public rooms and the actor's rooms), without counters: for a service that "
          + "shows only what its caller may read (search-service).")
      .idempotent();
  public static final Operation<DirectRoomRequest, DirectRoom> DIRECT_ROOM = Operation.forActor(
      Addresses.CHAT_DIRECT_ROOM, DirectRoomRequest.CODEC, DirectRoom.CODEC, "{actor, userId} -> {room, created}: "
          + "the direct room of the actor and that user, made on first use.")
      .idempotent();
  public static final Operation<RoomRef, Void> LAST_ROOM_SET = Operation.forActor(Addresses.CHAT_LAST_ROOM_SET,
      RoomRef.CODEC, Codec.NONE, "{actor, roomId} -> {}: remembers the room the user last had open, shown as "
          + "lastRoomId.")
      .idempotent();
  public static final Operation<Void, List<String>> ROOMMATES = Operation.forActor(Addresses.CHAT_ROOMMATES,
      Codec.NONE, USER_IDS, "{actor} -> {userIds:[...]}: everyone who shares a room with the actor, the actor "
          + "included.")
      .idempotent();
  public static final Operation<String, List<String>> ROOM_IDS_OF_USER = Operation.internal(
      Addresses.CHAT_ROOM_IDS_OF_USER, USER_ID, ROOM_IDS, "{userId} -> {roomIds:[...]}: a user's rooms, for "
          + "services routing events to them.")
      .idempotent();

  // messages and the timeline ----------------------------------------------------------------------------
  public static final Operation<NewMessage, Posted> MESSAGE_SEND = Operation.forActor(Addresses.CHAT_MESSAGE_SEND,
      NewMessage.CODEC, Posted.CODEC, "{actor, roomId|toUserId, text, clientMsgId?, fileId?, threadId?} -> {message, "
          + "created}. created is false when the sender's clientMsgId already made a message: that first message is "
          + "the answer. A reply (threadId: a top-level message of the same room) also changes its root's thread "
          + "summary, a timeline change of its own. @username and @room are read into mentions.")
      .idempotentWhen(message -> message.clientMsgId() != null);
  public static final Operation<MessageEdit, Message> MESSAGE_EDIT = Operation.forActor(Addresses.CHAT_MESSAGE_EDIT,
      MessageEdit.CODEC, MESSAGE, "{actor, messageId, text} -> {message}: the sender only; the earlier text is "
          + "kept in the edit history and mentions are read again.");
  public static final Operation<MessageRef, Message> MESSAGE_DELETE = Operation.forActor(
      Addresses.CHAT_MESSAGE_DELETE, MessageRef.CODEC, MESSAGE, "{actor, messageId} -> {message}: the sender or an "
          + "admin; the message keeps its seq, emptied.");
  public static final Operation<ReactionChange, Reacted> MESSAGE_REACT = Operation.forActor(
      Addresses.CHAT_MESSAGE_REACT, ReactionChange.CODEC, Reacted.CODEC, "{actor, messageId, emoji, "
          + "op:\"add\"|\"remove\"} -> {message, changed}.")
      .idempotent();
  public static final Operation<Void, Integer> DELIVERIES_FLUSH = Operation.forActor(
      Addresses.CHAT_DELIVERIES_FLUSH, Codec.NONE, DELIVERED, "{actor} -> {delivered:n}. Asked by a gateway once a "
          + "user's socket is ready: each direct message that reached the user while offline is published to them "
          + "again as a message user event, and its sender is told with a delivered user event.");
  public static final Operation<HistoryQuery, HistoryPage> HISTORY = Operation.forActor(Addresses.CHAT_HISTORY,
      HistoryQuery.CODEC, HistoryPage.CODEC, "{actor, roomId, before?, after?, limit?} -> {messages:[...], "
          + "hasMore}: top-level messages only, limit counting them.")
      .idempotent();
  public static final Operation<SyncQuery, List<SyncedRoom>> SYNC = Operation.forActor(Addresses.CHAT_SYNC,
      SyncQuery.CODEC, SYNCED, "{actor, rooms:{roomId: lastVersion}} -> {rooms:[{roomId, version, complete, "
          + "messages:[...]}]}: every message created or changed after lastVersion in its current state, by latest "
          + "change; rooms the actor is not a member of are left out. complete:false means more changes follow "
          + "from version.")
      .idempotent();
  private static final Codec<List<RoomVersion>> ROOM_VERSIONS_CODEC = Codec.of(
      rooms -> new JsonObject().put("rooms", JsonValues.encodeAll(rooms, RoomVersion::toJson)),
      json -> JsonValues.decodeAll(json.getJsonArray("rooms"), RoomVersion::fromJson));
  public static final Operation<Void, List<RoomVersion>> ROOM_VERSIONS = Operation.internal(
      Addresses.CHAT_ROOM_VERSIONS, Codec.NONE, ROOM_VERSIONS_CODEC, "{} -> {rooms:[{roomId, version}]}: every room "
          + "with its timeline's version now, for services that keep a copy of every timeline (search-service).")
      .idempotent();
  public static final Operation<ChangesQuery, SyncedRoom> CHANGES = Operation.internal(Addresses.CHAT_CHANGES,
      ChangesQuery.CODEC, SyncedRoom.CODEC, "{roomId, version} -> {roomId, version, complete, messages:[...]}: as "
          + "sync for one room, for no user: every message created or changed after version in its current state, "
          + "by latest change, at most 2,000 changes; complete:false means more follow from version.")
      .idempotent();
  public static final Operation<ReadUpTo, ReadMark> READ = Operation.forActor(Addresses.CHAT_READ, ReadUpTo.CODEC,
      ReadMark.CODEC, "{actor, roomId, seq} -> {roomId, seq, unread, mentions}: marks read up to seq (never "
          + "backwards); mentions of the actor up to seq are read.")
      .idempotent();

  // conversations: threads, mentions, pins, edits, room settings -----------------------------------------
  public static final Operation<RoomChange, Room> ROOM_UPDATE = Operation.forActor(Addresses.CHAT_ROOM_UPDATE,
      RoomChange.CODEC, ROOM, "{actor, roomId, name?, description?, topic?} -> room: by an owner of the room or an "
          + "admin (owner_only otherwise), name_taken as for a new room; members get room_updated.");
  public static final Operation<RoomPrefsChange, Room> ROOM_PREFS = Operation.forActor(Addresses.CHAT_ROOM_PREFS,
      RoomPrefsChange.CODEC, ROOM, "{actor, roomId, muted} -> room as the actor sees it: a member's own settings "
          + "for the room; the actor's other sockets get room_updated on their user address.")
      .idempotent();
  public static final Operation<RoomMember, Void> ROOM_MEMBER_REMOVE = Operation.forActor(
      Addresses.CHAT_ROOM_MEMBER_REMOVE, RoomMember.CODEC, Codec.NONE, "{actor, roomId, userId} -> {}: removes a "
          + "member, by an owner or an admin (owner_only otherwise); the room's members and the removed user get "
          + "member_left, and the removed user's sockets leave the room. The last owner gone hands ownership to the "
          + "longest-standing member.");
  public static final Operation<RoomMember, Room> ROOM_OWNER_ADD = Operation.forActor(Addresses.CHAT_ROOM_OWNER_ADD,
      RoomMember.CODEC, ROOM, "{actor, roomId, userId} -> room: makes a member an owner, by an owner or an admin; "
          + "members get room_updated.");
  public static final Operation<MessageRef, Message> MESSAGE_PIN = Operation.forActor(Addresses.CHAT_MESSAGE_PIN,
      MessageRef.CODEC, MESSAGE, "{actor, messageId} -> {message} with pinned:{by, at}: any member; a timeline "
          + "change (message_updated at the next version).");
  public static final Operation<MessageRef, Message> MESSAGE_UNPIN = Operation.forActor(
      Addresses.CHAT_MESSAGE_UNPIN, MessageRef.CODEC, MESSAGE, "{actor, messageId} -> {message} without pinned: "
          + "any member; a timeline change.");
  public static final Operation<MessageRef, List<EarlierText>> MESSAGE_EDITS = Operation.forActor(
      Addresses.CHAT_MESSAGE_EDITS, MessageRef.CODEC, EDITS, "{actor, messageId} -> {edits:[{text, editedAt}]}: "
          + "the message's earlier texts, oldest first, each with when an edit replaced it; members only.")
      .idempotent();
  public static final Operation<RepliesQuery, RepliesPage> REPLIES = Operation.forActor(Addresses.CHAT_REPLIES,
      RepliesQuery.CODEC, RepliesPage.CODEC, "{actor, messageId, before?, after?, limit?} -> {root, messages:[...], "
          + "hasMore}: a thread's replies ascending by seq, paged as history; members only.")
      .idempotent();
  public static final Operation<RoomRef, List<Message>> PINS = Operation.forActor(Addresses.CHAT_PINS,
      RoomRef.CODEC, MESSAGES, "{actor, roomId} -> {messages:[...]}: the room's pinned messages, the latest pinned "
          + "first, to whoever may read the room.")
      .idempotent();
  public static final Operation<ThreadReadUpTo, ThreadReadMark> READ_THREAD = Operation.forActor(
      Addresses.CHAT_READ_THREAD, ThreadReadUpTo.CODEC, ThreadReadMark.CODEC, "{actor, threadId, seq} -> {threadId, "
          + "roomId, seq, unreadReplies, unread, mentions}: marks a thread read up to seq for a member, who follows "
          + "it from then on; mentions of them in it up to seq are read.")
      .idempotent();
  public static final Operation<MentionsQuery, MentionPage> MENTIONS = Operation.forActor(Addresses.CHAT_MENTIONS,
      MentionsQuery.CODEC, MentionPage.CODEC, "{actor, before?, limit?} -> {mentions:[{message, room:{id, name, "
          + "type}}], hasMore}: messages mentioning the actor, newest first, in rooms they may still read.")
      .idempotent();
  public static final Operation<ThreadsQuery, ThreadList> THREADS = Operation.forActor(Addresses.CHAT_THREADS,
      ThreadsQuery.CODEC, ThreadList.CODEC, "{actor, limit?} -> {threads:[{root, room, lastReadSeq, "
          + "unreadReplies}]}: the threads the actor follows in rooms they are a member of, the latest reply first.")
      .idempotent();

  // administration and health ----------------------------------------------------------------------------
  public static final Operation<Void, ChatStats> ADMIN_STATS = Operation.forActor(Addresses.CHAT_ADMIN_STATS,
      Codec.NONE, ChatStats.CODEC, "{actor} -> {rooms, messages}: counts for the admin panel; admins only, by "
          + "their stored role.")
      .idempotent();
  public static final Operation<RoomRef, Void> ADMIN_ROOM_DELETE = Operation.forActor(
      Addresses.CHAT_ADMIN_ROOM_DELETE, RoomRef.CODEC, Codec.NONE, "{actor, roomId} -> {}: deletes a room with "
          + "everything of it (messages, files and their links, memberships); admins only. Every member sees "
          + "member_left for themselves and their sockets leave the room.");
  public static final Operation<Void, Health> HEALTH = Operation.internal(Addresses.CHAT_HEALTH, Codec.NONE,
      Health.CODEC, "{} -> {service, storage}: answers while the service runs and reaches its store.")
      .idempotent();

  // notices between chat-service instances ---------------------------------------------------------------
  public static final Notice<TimelineChanges> TIMELINE_CHANGED = new Notice<>(Addresses.CHAT_TIMELINE_CHANGED,
      TimelineChanges.CODEC, "{changes:[{roomId, version, message}]}: published by the chat-service instance that "
          + "recorded timeline changes, once for the changes it recorded together, each with the message as it is "
          + "after the change, for the others' caches of recent messages and counts of each room.");
  public static final Notice<JournalYield> JOURNAL_YIELD = new Notice<>(Addresses.CHAT_JOURNAL_YIELD,
      JournalYield.CODEC, "{roomId, instance, holdMs}: published by a chat-service instance that keeps losing the "
          + "race to write to a room's journal; the other instances hold back their next write to that room for "
          + "holdMs.");
  public static final Notice<RoomAccessChanged> ROOM_ACCESS_CHANGED = new Notice<>(
      Addresses.CHAT_ROOM_ACCESS_CHANGED, RoomAccessChanged.CODEC, "{roomId, userId?}: published by the "
          + "chat-service instance that changed a membership (join, leave, invite, removal, #general joined) or, "
          + "without userId, a room (deletion, settings, owners); every instance drops what it cached of it, so a leave stops sends at once "
          + "there and within milliseconds elsewhere.");
}
