// The rooms this user is in: learnt from frames, created, joined, left, opened as direct rooms; and the room
// on screen, which is remembered for the next visit.

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
    store.setCurrentRoom(roomId);
    remember(store.me.id, 'last-room', roomId);
    api.rememberLastRoom(roomId).catch(() => {});
    store.emit('current');
    unread.markRead(roomId);
    const timeline = store.timeline(roomId);
    if (!timeline.loaded) await history.loadNewest(roomId, timeline);
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
    if (!store.forgetRoom(roomId)) return;
    store.emit('rooms');
    store.emit('current');
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
