// The chat client: applies the server's frames to the store, keeps each room's version and syncs whatever
// was missed, resends unsent messages after a reconnect (same clientMsgId, so never twice), and offers the
// actions the views need. Nothing here touches the DOM.

import { recall, remember, rememberedMap } from './remembered.js';
import { ConnectionState } from './socket.js';

const HISTORY_PAGE = 50;
const TYPING_SHOWN_MS = 7000;
const TYPING_RESEND_MS = 4000;
const READ_DELAY_MS = 400;

export class ChatClient extends EventTarget {
  #readTimers = new Map();
  #syncing = null;
  #syncAgain = new Set();
  #typingSent = new Map();
  #outbox = null;
  #delivered = null;
  #peerRead = null;

  constructor({ api, connection, store }) {
    super();
    this.api = api;
    this.connection = connection;
    this.store = store;
    connection.addEventListener('frame', (event) => this.#apply(event.detail));
    connection.addEventListener('state', () => this.store.emit('connection'));
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden && this.store.currentRoomId) this.markRead(this.store.currentRoomId);
      this.store.emit('rooms');
    });
  }

  /** Before the socket connects: the remembered records of this user. */
  prepare(user) {
    const { store } = this;
    store.me = user;
    store.users.set(user.id, user);
    this.#outbox = rememberedMap(user.id, 'outbox', 200);
    this.#delivered = rememberedMap(user.id, 'delivered');
    this.#peerRead = rememberedMap(user.id, 'peer-read');
    store.outbox = this.#outbox.map;
    store.deliveredLate = this.#delivered.map;
    store.peerRead = this.#peerRead.map;
    for (const entry of store.outbox.values()) {
      // A page-local preview does not outlive the page; the stored file is shown instead.
      if (entry.attachment) delete entry.attachment.previewUrl;
      if (entry.state === 'sent') entry.state = 'sending';
    }
  }

  // ---- frames from the server

  #apply(frame) {
    switch (frame.type) {
      case 'ready': return this.#onReady(frame);
      case 'message':
      case 'message_updated':
      case 'message_deleted': return this.#onMessage(frame);
      case 'reaction': return this.#onReaction(frame);
      case 'typing': return this.#onTyping(frame);
      case 'presence': return this.#onPresence(frame.userId, frame.status === 'online');
      case 'member_joined':
      case 'member_left': return this.#onMember(frame);
      case 'membership': return this.#onMembership(frame);
      case 'delivered': return this.#onDelivered(frame);
      case 'receipt': return this.#onReceipt(frame);
      default: return undefined;
    }
  }

  #onReady(frame) {
    const { store } = this;
    store.me = frame.user;
    store.users.set(frame.user.id, { ...store.users.get(frame.user.id), ...frame.user });
    const seen = new Set();
    for (const room of frame.rooms) {
      seen.add(room.id);
      const known = store.rooms.get(room.id);
      const timeline = store.timelines.get(room.id);
      // A room whose messages are held keeps its own version, so the sync below fetches what it missed.
      const version = timeline?.loaded && known ? known.version : room.version;
      store.rooms.set(room.id, { ...known, ...room, version });
    }
    for (const id of [...store.rooms.keys()]) if (!seen.has(id)) this.#forgetRoom(id);
    store.online = new Set(frame.online);
    this.#learnPeers();
    store.emit('me');
    store.emit('rooms');
    store.emit('presence');
    const loaded = [...store.rooms.keys()].filter((id) => store.timelines.get(id)?.loaded);
    if (loaded.length) this.#sync(loaded);
    this.#resendOutbox();
    if (store.currentRoomId) this.markRead(store.currentRoomId);
    this.dispatchEvent(new Event('ready'));
  }

  #onMessage(frame) {
    const { store } = this;
    const message = frame.message;
    const room = store.rooms.get(frame.roomId);
    if (!room) {
      this.#learnRoom(frame.roomId);
      return;
    }
    this.#trackVersion(room, frame);
    const timeline = store.timeline(room.id);
    if (timeline.loaded && timeline.upsert(message)) store.emit('timeline', { roomId: room.id });
    const mine = message.sender?.id === store.me?.id;
    if (mine && message.clientMsgId && store.outbox.has(message.clientMsgId)) {
      this.#outbox.delete(message.clientMsgId);
      store.emit('timeline', { roomId: room.id });
    }
    if (frame.type === 'message' && message.seq > (room.lastSeq ?? 0)) {
      room.lastSeq = message.seq;
      if (!mine && !frame.sync) this.#arrived(room, message);
    }
    if (message.sender) this.#learnUser(message.sender);
  }

  /** A new message from someone else, live: unread and notification unless the room is being read. */
  #arrived(room, message) {
    const onScreen = this.store.currentRoomId === room.id && !document.hidden;
    if (onScreen) {
      this.markRead(room.id);
    } else {
      room.unread = (room.unread ?? 0) + 1;
      this.dispatchEvent(new CustomEvent('unseen', { detail: { room, message } }));
    }
    this.store.emit('rooms');
  }

  #onReaction(frame) {
    const room = this.store.rooms.get(frame.roomId);
    if (!room) return;
    this.#trackVersion(room, frame);
    const timeline = this.store.timelines.get(frame.roomId);
    const known = timeline?.byId.get(frame.messageId);
    if (!known || (known.version ?? 0) >= frame.version) return;
    const reactions = structuredClone(known.reactions ?? {});
    const users = new Set(reactions[frame.emoji] ?? []);
    if (frame.op === 'add') users.add(frame.userId);
    else users.delete(frame.userId);
    if (users.size) reactions[frame.emoji] = [...users];
    else delete reactions[frame.emoji];
    timeline.byId.set(known.id, { ...known, reactions, version: frame.version });
    this.store.emit('timeline', { roomId: frame.roomId });
  }

  /** Keeps the highest version seen without a gap; a skipped version means a missed frame: sync. */
  #trackVersion(room, frame) {
    if (typeof frame.version !== 'number' || frame.sync) return;
    const version = room.version ?? 0;
    if (frame.version === version + 1) room.version = frame.version;
    else if (frame.version > version + 1) this.#sync([room.id]);
  }

  /** Asks for everything after each room's version; repeats while the server says more remains. */
  async #sync(roomIds) {
    if (this.#syncing) {
      roomIds.forEach((id) => this.#syncAgain.add(id));
      return;
    }
    const rooms = {};
    for (const id of roomIds) {
      const room = this.store.rooms.get(id);
      if (room) rooms[id] = room.version ?? 0;
    }
    if (!Object.keys(rooms).length) return;
    this.#syncing = this.connection.request({ type: 'sync', rooms });
    let again = [];
    try {
      const synced = await this.#syncing;
      for (const [id, state] of Object.entries(synced.rooms ?? {})) {
        const room = this.store.rooms.get(id);
        if (!room) continue;
        room.version = Math.max(room.version ?? 0, state.version);
        if (!state.complete) again.push(id);
      }
    } catch {
      // The connection dropped: the next ready syncs again.
      again = [];
      this.#syncAgain.clear();
    } finally {
      this.#syncing = null;
    }
    const next = [...new Set([...again, ...this.#syncAgain])];
    this.#syncAgain.clear();
    if (next.length && this.connection.state === ConnectionState.ONLINE) this.#sync(next);
    else this.dispatchEvent(new Event('synced'));
  }

  #onTyping(frame) {
    const { store } = this;
    let inRoom = store.typing.get(frame.roomId);
    if (!inRoom) {
      inRoom = new Map();
      store.typing.set(frame.roomId, inRoom);
    }
    clearTimeout(inRoom.get(frame.userId));
    if (frame.typing) {
      inRoom.set(frame.userId, setTimeout(() => {
        inRoom.delete(frame.userId);
        store.emit('typing', { roomId: frame.roomId });
      }, TYPING_SHOWN_MS));
      this.#learnUserById(frame.userId);
    } else {
      inRoom.delete(frame.userId);
    }
    store.emit('typing', { roomId: frame.roomId });
  }

  #onPresence(userId, online) {
    const { store } = this;
    if (online) store.online.add(userId);
    else store.online.delete(userId);
    const user = store.users.get(userId);
    if (user) user.online = online;
    if (!online) this.#onTyping({ roomId: null, userId, typing: false });
    store.emit('presence', { userId });
  }

  #onMember(frame) {
    const { store } = this;
    const room = store.rooms.get(frame.roomId);
    if (frame.user) this.#learnUser(frame.user);
    if (frame.user?.id === store.me?.id) {
      if (frame.type === 'member_joined' && !room) this.#learnRoom(frame.roomId);
      if (frame.type === 'member_left') this.#forgetRoom(frame.roomId);
      return;
    }
    if (room) {
      room.memberCount = Math.max(0, (room.memberCount ?? 0) + (frame.type === 'member_joined' ? 1 : -1));
      store.emit('members', { roomId: frame.roomId });
    }
  }

  #onMembership(frame) {
    if (frame.member && frame.room) this.#addRoom(frame.room);
    else if (frame.member) this.#learnRoom(frame.roomId);
    else this.#forgetRoom(frame.roomId);
  }

  #onDelivered(frame) {
    this.#delivered.set(frame.messageId, frame.at ?? new Date().toISOString());
    this.store.emit('timeline', { roomId: frame.roomId });
  }

  #onReceipt(frame) {
    if (frame.userId === this.store.me?.id) return;
    const before = this.store.peerRead.get(frame.roomId) ?? 0;
    if (frame.seq > before) this.#peerRead.set(frame.roomId, frame.seq);
    this.store.emit('timeline', { roomId: frame.roomId });
  }

  // ---- rooms and people the client learns of

  #addRoom(room) {
    const { store } = this;
    const known = store.rooms.get(room.id);
    store.rooms.set(room.id, { unread: 0, ...known, ...room, version: known?.version ?? room.version });
    this.#learnPeers();
    store.emit('rooms');
  }

  async #learnRoom(roomId) {
    try {
      this.#addRoom(await this.api.room(roomId));
    } catch {
      // Not visible to us (any more): nothing to show.
    }
  }

  #forgetRoom(roomId) {
    const { store } = this;
    if (!store.rooms.delete(roomId)) return;
    store.timelines.delete(roomId);
    if (store.currentRoomId === roomId) store.currentRoomId = null;
    store.emit('rooms');
    store.emit('current');
  }

  #learnUser(user) {
    const known = this.store.users.get(user.id);
    if (known && known.username) return;
    this.store.users.set(user.id, { ...known, ...user });
    this.store.emit('users');
  }

  async #learnUserById(userId) {
    if (this.store.users.get(userId)?.username) return;
    try {
      this.#learnUser(await this.api.user(userId));
    } catch {
      // Unknown user: shown as "Someone".
    }
  }

  /** Names for the other side of each direct room. */
  #learnPeers() {
    for (const room of this.store.rooms.values()) {
      if (room.type !== 'direct') continue;
      const peer = this.store.peerOf(room);
      if (peer) this.#learnUserById(peer.id);
    }
  }

  // ---- actions for the views

  /** Puts a room on screen and loads its newest history the first time. */
  async open(roomId) {
    const { store } = this;
    if (!store.rooms.has(roomId)) return;
    store.currentRoomId = roomId;
    remember(store.me.id, 'last-room', roomId);
    this.api.rememberLastRoom(roomId).catch(() => {});
    store.emit('current');
    this.markRead(roomId);
    const timeline = store.timeline(roomId);
    if (!timeline.loaded) await this.#loadNewest(roomId, timeline);
  }

  lastRoomId() {
    return recall(this.store.me.id, 'last-room', null);
  }

  async #loadNewest(roomId, timeline) {
    timeline.loaded = true;
    try {
      const page = await this.api.history(roomId, { limit: HISTORY_PAGE });
      this.#takePage(timeline, page, true);
    } catch (error) {
      timeline.loaded = false;
      throw error;
    }
    this.store.emit('timeline', { roomId, reset: true });
  }

  /** Fetches the page before the oldest message held; answers whether anything was added. */
  async loadOlder(roomId) {
    const timeline = this.store.timelines.get(roomId);
    if (!timeline?.loaded || !timeline.hasMore || timeline.loadingOlder || timeline.oldestSeq === null) return false;
    timeline.loadingOlder = true;
    try {
      const page = await this.api.history(roomId, { before: timeline.oldestSeq, limit: HISTORY_PAGE });
      this.#takePage(timeline, page, false);
    } finally {
      timeline.loadingOlder = false;
    }
    this.store.emit('timeline', { roomId, older: true });
    return true;
  }

  #takePage(timeline, page, newest) {
    const messages = page.messages ?? [];
    const first = messages[0]?.seq;
    if (first !== undefined) {
      timeline.oldestSeq = timeline.oldestSeq === null ? first : Math.min(timeline.oldestSeq, first);
    } else if (newest) {
      timeline.oldestSeq = 1;
    }
    timeline.hasMore = Boolean(page.hasMore) && first !== undefined;
    if (timeline.oldestSeq !== null) timeline.trimBelow(timeline.oldestSeq);
    for (const message of messages) {
      timeline.upsert(message);
      if (message.sender) this.#learnUser(message.sender);
    }
  }

  /** Sends a message; it shows at once as "sending" and is resent after a drop until the server has it. */
  send(roomId, text, attachment = null) {
    const entry = {
      clientMsgId: crypto.randomUUID(),
      roomId,
      text,
      fileId: attachment?.fileId,
      attachment,
      createdAt: new Date().toISOString(),
      state: 'sending',
    };
    this.#outbox.set(entry.clientMsgId, entry);
    this.store.emit('timeline', { roomId });
    this.typing(roomId, false);
    this.#deliver(entry);
  }

  retry(clientMsgId) {
    const entry = this.store.outbox.get(clientMsgId);
    if (!entry) return;
    entry.state = 'sending';
    entry.error = undefined;
    this.#outbox.save();
    this.store.emit('timeline', { roomId: entry.roomId });
    this.#deliver(entry);
  }

  discard(clientMsgId) {
    const entry = this.store.outbox.get(clientMsgId);
    this.#outbox.delete(clientMsgId);
    if (entry) this.store.emit('timeline', { roomId: entry.roomId });
  }

  async #deliver(entry) {
    if (this.connection.state !== ConnectionState.ONLINE) return;
    const frame = { type: 'message', roomId: entry.roomId, text: entry.text, clientMsgId: entry.clientMsgId };
    if (entry.fileId) frame.fileId = entry.fileId;
    try {
      const ack = await this.connection.request(frame);
      if (!this.store.outbox.has(entry.clientMsgId)) return;
      if (this.store.timelines.get(entry.roomId)?.byId.has(ack.messageId)) {
        this.#outbox.delete(entry.clientMsgId);
      } else {
        entry.state = 'sent';
        entry.messageId = ack.messageId;
        this.#outbox.save();
      }
    } catch (error) {
      if (['offline', 'disconnected', 'closed', 'timeout'].includes(error.code)) return;
      entry.state = 'failed';
      entry.error = error.message;
      this.#outbox.save();
    }
    this.store.emit('timeline', { roomId: entry.roomId });
  }

  #resendOutbox() {
    for (const entry of this.store.outbox.values()) {
      if (entry.state === 'sending' || entry.state === 'sent') this.#deliver(entry);
    }
  }

  edit(messageId, text) {
    return this.connection.request({ type: 'edit', messageId, text });
  }

  remove(messageId) {
    return this.connection.request({ type: 'delete', messageId });
  }

  /** Adds the reaction, or removes it when this user already gave it. */
  react(message, emoji) {
    const mine = (message.reactions?.[emoji] ?? []).includes(this.store.me.id);
    return this.connection.request({ type: 'reaction', messageId: message.id, emoji, op: mine ? 'remove' : 'add' });
  }

  /** Tells the room this user is (or stopped) typing; starts are repeated while typing goes on. */
  typing(roomId, active) {
    const lastSent = this.#typingSent.get(roomId);
    if (active) {
      if (lastSent && Date.now() - lastSent < TYPING_RESEND_MS) return;
      if (this.connection.send({ type: 'typing_start', roomId })) this.#typingSent.set(roomId, Date.now());
    } else if (lastSent) {
      this.#typingSent.delete(roomId);
      this.connection.send({ type: 'typing_stop', roomId });
    }
  }

  /** Marks the room read up to its last message, shortly, once the page is visible. */
  markRead(roomId) {
    const room = this.store.rooms.get(roomId);
    if (!room || document.hidden) return;
    if (room.unread) {
      room.unread = 0;
      this.store.emit('rooms');
    }
    clearTimeout(this.#readTimers.get(roomId));
    this.#readTimers.set(roomId, setTimeout(() => {
      this.#readTimers.delete(roomId);
      if (room.lastSeq > 0) this.connection.send({ type: 'read', roomId, seq: room.lastSeq });
    }, READ_DELAY_MS));
  }

  async createRoom(fields) {
    const room = await this.api.createRoom(fields);
    this.#addRoom(room);
    return room;
  }

  async joinRoom(roomId) {
    const room = await this.api.joinRoom(roomId);
    this.#addRoom(room);
    return room;
  }

  async leaveRoom(roomId) {
    await this.api.leaveRoom(roomId);
    this.#forgetRoom(roomId);
  }

  /** Opens (creating on first use) the direct room with a user. */
  async directMessage(user) {
    this.#learnUser(user);
    const room = await this.api.directRoom(user.id);
    this.#addRoom(room);
    await this.open(room.id);
    return room;
  }
}
