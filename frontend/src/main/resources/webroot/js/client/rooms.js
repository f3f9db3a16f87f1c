// The rooms this user is in: learnt from frames, created, joined, left, opened as direct rooms, changed by
// their owners (room_updated) and muted by the user; and the room on screen (or a list in its place: the
// threads, the mentions), which is remembered for the next visit.

import { recall, remember } from '../remembered.js';

export class Rooms {
  #client;

  constructor(client) {
    this.#client = client;
  }

  /** Puts a room on screen and loads its newest history the first time. */
  async open(roomId) {
    const { store, api, unread, history } = this.#client;
    if (!store.rooms.has(roomId)) return;
    if (store.threads.openRoomId !== roomId) this.#client.threads.close();
    store.setCurrentRoom(roomId);
    remember(store.me.id, 'last-room', roomId);
    api.rememberLastRoom(roomId).catch(() => {});
    store.emit('current');
    unread.markRead(roomId);
    const timeline = store.timeline(roomId);
    if (!timeline.loaded) await history.loadNewest(roomId, timeline);
  }

  /** Shows a list ('threads', 'mentions') in place of the room. */
  openView(view) {
    const { store, threads } = this.#client;
    threads.close();
    store.setCurrentView(view);
    store.emit('current');
    if (view === 'threads') threads.load();
  }

  lastRoomId() {
    return recall(this.#client.store.me.id, 'last-room', null);
  }

  async create(fields) {
    const room = await this.#client.api.createRoom(fields);
    this.add(room);
    return room;
  }

  async join(roomId) {
    const room = await this.#client.api.joinRoom(roomId);
    this.add(room);
    return room;
  }

  async leave(roomId) {
    await this.#client.api.leaveRoom(roomId);
    this.forget(roomId);
  }

  /** Opens (creating on first use) the direct room with a user. */
  async directMessage(user) {
    this.#client.people.learn(user);
    const room = await this.#client.api.directRoom(user.id);
    this.add(room);
    await this.open(room.id);
    return room;
  }

  /** A room this user is in; the version already held is kept (sync.js moves it). */
  add(room) {
    const { store, people } = this.#client;
    const known = store.rooms.get(room.id);
    store.putRoom({ unread: 0, ...known, ...room, version: known?.version ?? room.version });
    people.learnPeers();
    store.emit('rooms');
  }

  async learn(roomId) {
    try {
      this.add(await this.#client.api.room(roomId));
    } catch {
      // Not visible to us (any more): nothing to show.
    }
  }

  forget(roomId) {
    const { store } = this.#client;
    const threadOpen = store.threads.openRoomId === roomId;
    if (!store.forgetRoom(roomId)) return;
    store.emit('rooms');
    store.emit('current');
    if (threadOpen) store.emit('thread');
  }

  /** Renames, sets the description or topic (owners and admins); the server tells every member. */
  async update(roomId, changes) {
    this.#takeChanges(await this.#client.conversations.updateRoom(roomId, changes));
  }

  async addOwner(roomId, userId) {
    this.#takeChanges(await this.#client.conversations.addOwner(roomId, userId));
  }

  async setMuted(roomId, muted) {
    this.#takeChanges(await this.#client.conversations.setMuted(roomId, muted));
  }

  onRoomUpdated(frame) {
    this.#takeChanges(frame.room);
  }

  /**
   * A room as changed by its owners or by the user's muting. The counters (lastSeq, version) and the user's
   * unread stay as tracked here; what a frame to every member leaves out (unread, muted) stays as it was.
   */
  #takeChanges(room) {
    const { store } = this.#client;
    const known = store.rooms.get(room?.id);
    if (!known) return;
    const { lastSeq, version, unread, mentions, ...changed } = room;
    store.putRoom({ ...known, ...changed });
    store.emit('rooms');
  }

  onMember(frame) {
    const { store, people } = this.#client;
    const room = store.rooms.get(frame.roomId);
    if (frame.user) people.learn(frame.user);
    if (frame.user?.id === store.me?.id) {
      if (frame.type === 'member_joined' && !room) this.learn(frame.roomId);
      if (frame.type === 'member_left') this.forget(frame.roomId);
      return;
    }
    if (room) {
      store.changeMemberCount(frame.roomId, frame.type === 'member_joined' ? 1 : -1);
      store.emit('members', { roomId: frame.roomId });
    }
  }

  onMembership(frame) {
    if (frame.member && frame.room) this.add(frame.room);
    else if (frame.member) this.learn(frame.roomId);
    else this.forget(frame.roomId);
  }
}
