// People and presence: users are learnt from the frames and pages that mention them (a name is fetched for
// anyone met without one), and who is online follows `presence` frames.

export class People {
  #client;

  constructor(client) {
    this.#client = client;
  }

  /** A user met in a frame or a page: kept, unless already known by name. */
  learn(user) {
    const { store } = this.#client;
    if (store.learnUser(user)) store.emit('users');
  }

  async learnById(userId) {
    const { store, api } = this.#client;
    if (store.users.get(userId)?.username) return;
    try {
      this.learn(await api.user(userId));
    } catch {
      // Unknown user: shown as "Someone".
    }
  }

  /** Names for the other side of each direct room. */
  learnPeers() {
    const { store } = this.#client;
    for (const room of store.rooms.values()) {
      if (room.type !== 'direct') continue;
      const peer = store.peerOf(room);
      if (peer) this.learnById(peer.id);
    }
  }

  onPresence(userId, online) {
    const { store, typing } = this.#client;
    store.setPresence(userId, online);
    if (!online) typing.stoppedEverywhere(userId);
    store.emit('presence', { userId });
  }
}
