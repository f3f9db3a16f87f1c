// People and presence: users are learnt from the frames and pages that mention them, and each one's whole
// record (status and avatar, which a message's sender or a room's member list leaves out) is fetched once;
// `user_updated` replaces it; who is online follows `presence` frames.

export class People {
  #client;
  /** Users whose whole record was asked for already. */
  #asked = new Set();

  constructor(client) {
    this.#client = client;
  }

  /** A user met in a frame or a page: a whole record is taken as it is; a sender's {id, username, displayName} completed. */
  learn(user) {
    if (!user?.id) return;
    const { store } = this.#client;
    if (isWhole(user)) {
      this.#put(user);
      return;
    }
    if (store.learnUser(user)) store.emit('users', { userId: user.id });
    this.#complete(user.id);
  }

  /** Users known only by id (a thread's participants): their records, fetched once each. */
  learnIds(userIds) {
    for (const id of userIds ?? []) this.learnById(id);
  }

  /** Everyone a message shows: its sender (not a webhook), its thread's participants, whom it names, who pinned it. */
  learnFrom(message) {
    if (message.sender && !message.bot) this.learn(message.sender);
    this.learnIds(message.thread?.participants);
    this.learnIds(message.mentions);
    if (message.pinned) this.learnById(message.pinned.by);
  }

  async learnById(userId) {
    const { store } = this.#client;
    if (isWhole(store.users.get(userId))) return;
    await this.#complete(userId);
  }

  /** Names, status and avatars for the other side of each direct room. */
  learnPeers() {
    const { store } = this.#client;
    for (const room of store.rooms.values()) {
      if (room.type !== 'direct') continue;
      const peer = store.peerOf(room);
      if (peer) this.learnById(peer.id);
    }
  }

  /** `user_updated`, or this user's own change as the server answered it. */
  onUserUpdated(user) {
    if (user?.id && isWhole(user)) this.#put(user);
  }

  onPresence(userId, online) {
    const { store, typing } = this.#client;
    store.setPresence(userId, online);
    if (!online) typing.stoppedEverywhere(userId);
    store.emit('presence', { userId });
  }

  async #complete(userId) {
    const { store, api } = this.#client;
    if (this.#asked.has(userId) || isWhole(store.users.get(userId))) return;
    this.#asked.add(userId);
    try {
      this.#put(await api.user(userId));
    } catch {
      // Unknown user: shown by the name already known, or as "Someone".
    }
  }

  #put(user) {
    const { store } = this.#client;
    if (!store.putUser(user)) return;
    store.emit('users', { userId: user.id });
    if (user.id === store.me?.id) store.emit('me');
  }
}

/** Whether a record is the whole user (GET /api/users/{id}), not only the name a message's sender carries. */
function isWhole(user) {
  return typeof user?.hasAvatar === 'boolean';
}
