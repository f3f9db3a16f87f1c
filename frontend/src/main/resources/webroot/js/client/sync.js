// Version tracking: each room's `version` is the highest seen without a gap. A live frame that skips one
// means a frame was missed: `sync` asks for every change after the version held, and asks again while the
// server says more remains. After a reconnect, resume.js syncs every room whose messages are held.

import { ConnectionState } from '../socket/connection.js';

export class Sync {
  #client;
  #syncing = null;
  #again = new Set();

  constructor(client) {
    this.#client = client;
  }

  /** Keeps the highest version seen without a gap; a skipped version means a missed frame: sync. */
  track(room, frame) {
    if (typeof frame.version !== 'number' || frame.sync) return;
    const version = room.version ?? 0;
    if (frame.version === version + 1) this.#client.store.setRoomVersion(room.id, frame.version);
    else if (frame.version > version + 1) this.catchUp([room.id]);
  }

  /** Asks for everything after each room's version; repeats while the server says more remains. */
  async catchUp(roomIds) {
    const { store, connection } = this.#client;
    if (this.#syncing) {
      roomIds.forEach((id) => this.#again.add(id));
      return;
    }
    const rooms = {};
    for (const id of roomIds) {
      const room = store.rooms.get(id);
      if (room) rooms[id] = room.version ?? 0;
    }
    if (!Object.keys(rooms).length) return;
    this.#syncing = connection.request({ type: 'sync', rooms });
    let again = [];
    try {
      const synced = await this.#syncing;
      for (const [id, state] of Object.entries(synced.rooms ?? {})) {
        const room = store.rooms.get(id);
        if (!room) continue;
        store.setRoomVersion(id, Math.max(room.version ?? 0, state.version));
        if (!state.complete) again.push(id);
      }
    } catch {
      // The connection dropped: the next ready syncs again.
      again = [];
      this.#again.clear();
    } finally {
      this.#syncing = null;
    }
    const next = [...new Set([...again, ...this.#again])];
    this.#again.clear();
    if (next.length && connection.state === ConnectionState.ONLINE) this.catchUp(next);
    else this.#client.dispatchEvent(new Event('synced'));
  }
}
