// The client's picture of the server: rooms, their timelines (messages by id), people, presence and typing.
// Views read it and listen for its change events; only client.js writes to it.

/** One room's messages, keyed by id. A copy is replaced only by one with a higher version. */
export class Timeline {
  byId = new Map();
  /** Whether history has been asked for: only then are live messages kept (the page fetch fills the rest). */
  loaded = false;
  /** The lowest seq fetched from history; older ones are fetched when scrolling up. */
  oldestSeq = null;
  hasMore = true;

  /** Keeps the newer copy; answers true when the message was added or changed. */
  upsert(message) {
    const known = this.byId.get(message.id);
    if (known && (known.version ?? 0) >= (message.version ?? 0)) return false;
    if (this.oldestSeq !== null && message.seq < this.oldestSeq) return false;
    this.byId.set(message.id, message);
    return true;
  }

  /** Drops copies below the oldest fetched seq (changes to old messages that arrived before the first page). */
  trimBelow(seq) {
    for (const [id, message] of this.byId) {
      if (message.seq < seq) this.byId.delete(id);
    }
  }

  sorted() {
    return [...this.byId.values()].sort((a, b) => a.seq - b.seq);
  }

  bySeq(seq) {
    for (const message of this.byId.values()) if (message.seq === seq) return message;
    return null;
  }
}

export class Store extends EventTarget {
  me = null;
  /** id -> room: {id, name, type, description, capacity, memberCount, lastSeq, version, unread, userIds?} */
  rooms = new Map();
  timelines = new Map();
  /** id -> user {id, username, displayName, role?, online?} */
  users = new Map();
  online = new Set();
  /** roomId -> Map(userId -> timer) */
  typing = new Map();
  /** clientMsgId -> {clientMsgId, roomId, text, fileId?, attachment?, createdAt, state: sending|sent|failed, error?} */
  outbox = new Map();
  currentRoomId = null;
  /** messageId -> time: direct messages that reached their recipient late. */
  deliveredLate = new Map();
  /** roomId -> seq: how far the other member of a direct room has read. */
  peerRead = new Map();

  timeline(roomId) {
    let timeline = this.timelines.get(roomId);
    if (!timeline) {
      timeline = new Timeline();
      this.timelines.set(roomId, timeline);
    }
    return timeline;
  }

  /** The user on the other side of a direct room. */
  peerOf(room) {
    const id = room?.userIds?.find((userId) => userId !== this.me?.id);
    return id ? this.users.get(id) ?? { id } : null;
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
    return this.online.has(userId);
  }

  typingIn(roomId) {
    return [...(this.typing.get(roomId)?.keys() ?? [])].filter((id) => id !== this.me?.id);
  }

  totalUnread() {
    let total = 0;
    for (const room of this.rooms.values()) total += room.unread ?? 0;
    return total;
  }

  outboxOf(roomId) {
    return [...this.outbox.values()].filter((entry) => entry.roomId === roomId);
  }

  /** Tells the views: rooms, timeline {roomId}, presence, typing {roomId}, current, me, outbox {roomId}. */
  emit(type, detail = {}) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
