// The client's picture of the server: rooms, their timelines and threads, people, presence, typing and the outbox.
// Everything here is read through getters and changed only through the named functions below, which the
// client (js/client/) calls; the views read it and listen for its change events.

import { rememberedMap } from './remembered.js';
import { ThreadBook } from './thread-book.js';
import { Timeline } from './timeline.js';

/** What the views show of a user: a change to any of these is worth a redraw. */
const SHOWN_FIELDS = ['username', 'displayName', 'statusText', 'statusEmoji', 'hasAvatar', 'avatarUrl', 'role'];

export class Store extends EventTarget {
  #me;
  /**
   * id -> room: {id, name, type, description, topic, owners, capacity, memberCount, lastSeq, version, unread,
   * mentions, muted, userIds?}
   */
  #rooms = new Map();
  #timelines = new Map();
  #threads = new ThreadBook();
  /**
   * id -> user {id, username, displayName, role?, online?}, and once the whole record is known (`hasAvatar`
   * is there): statusText, statusEmoji, hasAvatar, avatarUrl?, avatarVersion?
   */
  #users = new Map();
  #online = new Set();
  /** roomId -> Set(userId) */
  #typing = new Map();
  #currentRoomId = null;
  /** A list shown in place of a room ('threads', 'mentions'), or null. */
  #currentView = null;
  /** clientMsgId -> {clientMsgId, roomId, threadId?, text, fileId?, attachment?, createdAt, state: sending|sent|failed, error?} */
  #outbox;
  /** messageId -> time: direct messages that reached their recipient late. */
  #deliveredLate;
  /** roomId -> seq: how far the other member of a direct room has read. */
  #peerRead;

  /** The signed-in user, and their records remembered across reloads. */
  constructor(user) {
    super();
    this.#me = user;
    this.#users.set(user.id, user);
    this.#outbox = rememberedMap(user.id, 'outbox', 200);
    this.#deliveredLate = rememberedMap(user.id, 'delivered');
    this.#peerRead = rememberedMap(user.id, 'peer-read');
    for (const entry of this.#outbox.map.values()) {
      // A page-local preview does not outlive the page; the stored file is shown instead.
      if (entry.attachment) delete entry.attachment.previewUrl;
      if (entry.state === 'sent') entry.state = 'sending';
    }
  }

  get me() { return this.#me; }
  get rooms() { return this.#rooms; }
  get timelines() { return this.#timelines; }
  get threads() { return this.#threads; }
  get users() { return this.#users; }
  get online() { return this.#online; }
  get currentRoomId() { return this.#currentRoomId; }
  get currentView() { return this.#currentView; }
  get outbox() { return this.#outbox.map; }
  get deliveredLate() { return this.#deliveredLate.map; }
  get peerRead() { return this.#peerRead.map; }

  // ---- reading

  /** The user on the other side of a direct room. */
  peerOf(room) {
    const id = room?.userIds?.find((userId) => userId !== this.#me?.id);
    return id ? this.#users.get(id) ?? { id } : null;
  }

  roomTitle(room) {
    if (!room) return '';
    if (room.type === 'direct') {
      const peer = this.peerOf(room);
      return peer?.displayName || peer?.username || 'Direct message';
    }
    return room.name;
  }

  isOnline(userId) {
    return this.#online.has(userId);
  }

  typingIn(roomId) {
    return [...(this.#typing.get(roomId) ?? [])].filter((id) => id !== this.#me?.id);
  }

  /** The unsent messages of a room's main list, or of one of its threads. */
  outboxOf(roomId, threadId = null) {
    return [...this.#outbox.map.values()].filter((entry) => entry.roomId === roomId && (entry.threadId ?? null) === threadId);
  }

  // ---- writing

  /** The user as `ready` tells it. */
  setMe(user) {
    this.#me = user;
    this.#users.set(user.id, { ...this.#users.get(user.id), ...user });
  }

  /** Adds a user not yet known by name; answers whether it did. */
  learnUser(user) {
    const known = this.#users.get(user.id);
    if (known && known.username) return false;
    this.#users.set(user.id, { ...known, ...user });
    return true;
  }

  /** Puts a user's whole record (as GET /api/users/{id} or user_updated has it); answers whether it changed. */
  putUser(user) {
    const known = this.#users.get(user.id);
    const merged = { ...known, ...user };
    if (!user.hasAvatar) {
      delete merged.avatarUrl;
      delete merged.avatarVersion;
    }
    this.#users.set(user.id, merged);
    if (user.id === this.#me?.id) this.#me = merged;
    return !known || SHOWN_FIELDS.some((field) => known[field] !== merged[field]);
  }

  setOnline(userIds) {
    this.#online = new Set(userIds);
  }

  setPresence(userId, online) {
    if (online) this.#online.add(userId);
    else this.#online.delete(userId);
    const user = this.#users.get(userId);
    if (user) user.online = online;
  }

  setTyping(roomId, userId, typing) {
    let inRoom = this.#typing.get(roomId);
    if (!inRoom) {
      inRoom = new Set();
      this.#typing.set(roomId, inRoom);
    }
    if (typing) inRoom.add(userId);
    else inRoom.delete(userId);
  }

  /** Puts the room's record in place of the one held. */
  putRoom(room) {
    this.#rooms.set(room.id, room);
  }

  /** Drops a room and its timeline (and takes it off screen); answers whether it was held. */
  forgetRoom(roomId) {
    if (!this.#rooms.delete(roomId)) return false;
    this.#timelines.delete(roomId);
    this.#threads.forgetRoom(roomId);
    if (this.#currentRoomId === roomId) this.#currentRoomId = null;
    return true;
  }

  setCurrentRoom(roomId) {
    this.#currentRoomId = roomId;
    this.#currentView = null;
  }

  /** Shows a list ('threads', 'mentions') in place of any room. */
  setCurrentView(view) {
    this.#currentRoomId = null;
    this.#currentView = view;
  }

  setRoomVersion(roomId, version) {
    this.#changeRoom(roomId, (room) => { room.version = version; });
  }

  setLastSeq(roomId, seq) {
    this.#changeRoom(roomId, (room) => { room.lastSeq = seq; });
  }

  /** One more unread message, which may mention the user. */
  countUnread(roomId, mention = false) {
    this.#changeRoom(roomId, (room) => {
      room.unread = (room.unread ?? 0) + 1;
      if (mention) room.mentions = (room.mentions ?? 0) + 1;
    });
  }

  /** What is left unread, as the server counts it (after a read); both 0 by default. */
  setUnread(roomId, unread = 0, mentions = 0) {
    this.#changeRoom(roomId, (room) => {
      room.unread = unread;
      room.mentions = mentions;
    });
  }

  changeMemberCount(roomId, delta) {
    this.#changeRoom(roomId, (room) => { room.memberCount = Math.max(0, (room.memberCount ?? 0) + delta); });
  }

  /** The room's timeline, made empty on first use. */
  timeline(roomId) {
    let timeline = this.#timelines.get(roomId);
    if (!timeline) {
      timeline = new Timeline();
      this.#timelines.set(roomId, timeline);
    }
    return timeline;
  }

  addToOutbox(entry) {
    this.#outbox.set(entry.clientMsgId, entry);
  }

  updateOutbox(clientMsgId, changes) {
    const entry = this.#outbox.map.get(clientMsgId);
    if (entry) Object.assign(entry, changes);
    this.#outbox.save();
  }

  removeFromOutbox(clientMsgId) {
    this.#outbox.delete(clientMsgId);
  }

  markDeliveredLate(messageId, at) {
    this.#deliveredLate.set(messageId, at);
  }

  /** Moves how far the peer of a direct room has read; never backwards. */
  markPeerRead(roomId, seq) {
    if (seq > (this.#peerRead.map.get(roomId) ?? 0)) this.#peerRead.set(roomId, seq);
  }

  /**
   * Tells the views: rooms, timeline {roomId, threadId?}, threads (followed threads and their unread replies),
   * thread (the open thread), presence, typing {roomId}, current, me, users {userId?}, members {roomId}.
   */
  emit(type, detail = {}) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  #changeRoom(roomId, change) {
    const room = this.#rooms.get(roomId);
    if (room) change(room);
  }
}
