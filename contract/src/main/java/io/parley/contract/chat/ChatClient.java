package io.parley.contract.chat;

import io.parley.contract.Actor;
import io.parley.contract.bus.BusClient;
import io.parley.contract.file.FileClient;
import io.parley.contract.file.FileService;
import io.parley.contract.model.Health;
import io.parley.contract.model.Message;
import io.parley.contract.model.Room;
import io.parley.contract.model.RoomSummary;
import io.vertx.core.Future;
import java.util.List;

/**
 * chat-service over the event bus, for the gateways and services that ask it: every domain of it in one object.
 * Requests from clients are read with each request record's {@code parse} ({@link NewMessage#parse}, {@link
 * RoomRef#parse}...), which refuses what chat-service would refuse, with the same codes and fields.
 */
public final class ChatClient implements RoomService, MembershipService, MessageService, TimelineService,
    ChangeLogService, ReadService, ActivityService, ChatAdminService {

  private final BusClient bus;
  private final FileClient files;

  public ChatClient(BusClient bus) {
    this.bus = bus;
    this.files = new FileClient(bus);
  }

  /** chat-service's files: uploads, chunks and signed links. */
  public FileService files() {
    return files;
  }

  @Override
  public Future<Room> create(Actor actor, NewRoom room) {
    return bus.call(ChatOperations.ROOM_CREATE, actor, room);
  }

  @Override
  public Future<RoomDetail> room(Actor actor, RoomRef room) {
    return bus.call(ChatOperations.ROOM_GET, actor, room);
  }

  @Override
  public Future<RoomList> list(Actor actor) {
    return bus.call(ChatOperations.ROOMS_LIST, actor, null);
  }

  @Override
  public Future<List<Room>> roomsOf(Actor actor) {
    return bus.call(ChatOperations.ROOMS_OF_USER, actor, null);
  }

  @Override
  public Future<List<RoomSummary>> readable(Actor actor) {
    return bus.call(ChatOperations.ROOMS_READABLE, actor, null);
  }

  @Override
  public Future<DirectRoom> directRoom(Actor actor, DirectRoomRequest request) {
    return bus.call(ChatOperations.DIRECT_ROOM, actor, request);
  }

  @Override
  public Future<Void> setLastRoom(Actor actor, RoomRef room) {
    return bus.call(ChatOperations.LAST_ROOM_SET, actor, room);
  }

  @Override
  public Future<Room> join(Actor actor, RoomRef room) {
    return bus.call(ChatOperations.ROOM_JOIN, actor, room);
  }

  @Override
  public Future<Void> leave(Actor actor, RoomRef room) {
    return bus.call(ChatOperations.ROOM_LEAVE, actor, room);
  }

  @Override
  public Future<Room> invite(Actor actor, Invitation invitation) {
    return bus.call(ChatOperations.ROOM_INVITE, actor, invitation);
  }

  @Override
  public Future<List<String>> roommates(Actor actor) {
    return bus.call(ChatOperations.ROOMMATES, actor, null);
  }

  @Override
  public Future<List<String>> roomIdsOf(String userId) {
    return bus.call(ChatOperations.ROOM_IDS_OF_USER, userId);
  }

  @Override
  public Future<Posted> send(Actor actor, NewMessage message) {
    return bus.call(ChatOperations.MESSAGE_SEND, actor, message);
  }

  @Override
  public Future<Message> edit(Actor actor, MessageEdit edit) {
    return bus.call(ChatOperations.MESSAGE_EDIT, actor, edit);
  }

  @Override
  public Future<Message> delete(Actor actor, MessageRef message) {
    return bus.call(ChatOperations.MESSAGE_DELETE, actor, message);
  }

  @Override
  public Future<Reacted> react(Actor actor, ReactionChange change) {
    return bus.call(ChatOperations.MESSAGE_REACT, actor, change);
  }

  @Override
  public Future<Integer> flushDeliveries(Actor actor) {
    return bus.call(ChatOperations.DELIVERIES_FLUSH, actor, null);
  }

  @Override
  public Future<HistoryPage> history(Actor actor, HistoryQuery query) {
    return bus.call(ChatOperations.HISTORY, actor, query);
  }

  @Override
  public Future<List<SyncedRoom>> sync(Actor actor, SyncQuery query) {
    return bus.call(ChatOperations.SYNC, actor, query);
  }

  @Override
  public Future<List<RoomVersion>> roomVersions() {
    return bus.call(ChatOperations.ROOM_VERSIONS, null);
  }

  @Override
  public Future<SyncedRoom> changes(ChangesQuery query) {
    return bus.call(ChatOperations.CHANGES, query);
  }

  @Override
  public Future<ReadMark> read(Actor actor, ReadUpTo mark) {
    return bus.call(ChatOperations.READ, actor, mark);
  }

  @Override
  public Future<Room> update(Actor actor, RoomChange change) {
    return bus.call(ChatOperations.ROOM_UPDATE, actor, change);
  }

  @Override
  public Future<Room> setPrefs(Actor actor, RoomPrefsChange change) {
    return bus.call(ChatOperations.ROOM_PREFS, actor, change);
  }

  @Override
  public Future<Void> removeMember(Actor actor, RoomMember member) {
    return bus.call(ChatOperations.ROOM_MEMBER_REMOVE, actor, member);
  }

  @Override
  public Future<Room> addOwner(Actor actor, RoomMember member) {
    return bus.call(ChatOperations.ROOM_OWNER_ADD, actor, member);
  }

  @Override
  public Future<Message> pin(Actor actor, MessageRef message) {
    return bus.call(ChatOperations.MESSAGE_PIN, actor, message);
  }

  @Override
  public Future<Message> unpin(Actor actor, MessageRef message) {
    return bus.call(ChatOperations.MESSAGE_UNPIN, actor, message);
  }

  @Override
  public Future<List<EarlierText>> edits(Actor actor, MessageRef message) {
    return bus.call(ChatOperations.MESSAGE_EDITS, actor, message);
  }

  @Override
  public Future<RepliesPage> replies(Actor actor, RepliesQuery query) {
    return bus.call(ChatOperations.REPLIES, actor, query);
  }

  @Override
  public Future<List<Message>> pins(Actor actor, RoomRef room) {
    return bus.call(ChatOperations.PINS, actor, room);
  }

  @Override
  public Future<ThreadReadMark> readThread(Actor actor, ThreadReadUpTo mark) {
    return bus.call(ChatOperations.READ_THREAD, actor, mark);
  }

  @Override
  public Future<MentionPage> mentions(Actor actor, MentionsQuery query) {
    return bus.call(ChatOperations.MENTIONS, actor, query);
  }

  @Override
  public Future<ThreadList> threads(Actor actor, ThreadsQuery query) {
    return bus.call(ChatOperations.THREADS, actor, query);
  }

  @Override
  public Future<ChatStats> stats(Actor admin) {
    return bus.call(ChatOperations.ADMIN_STATS, admin, null);
  }

  @Override
  public Future<Void> deleteRoom(Actor admin, RoomRef room) {
    return bus.call(ChatOperations.ADMIN_ROOM_DELETE, admin, room);
  }

  public Future<Health> health() {
    return bus.call(ChatOperations.HEALTH, null);
  }
}
