// Unread counts and read marks: a message arriving in a room that is not on screen in a visible page counts
// as unread and is announced (`unseen`, for notifications); the room on screen is marked read with a `read`
// frame, shortly after it is opened, shown again, or gets a message.

const READ_DELAY_MS = 400;

export class Unread {
  #client;
  #timers = new Map();

  constructor(client) {
    this.#client = client;
    client.page.onChange(() => {
      const { store, page } = this.#client;
      if (page.visible && store.currentRoomId) this.markRead(store.currentRoomId);
      store.emit('rooms');
    });
  }

  /** A new message from someone else, live: unread and notification unless the room is being read. */
  arrived(room, message) {
    const { store, page } = this.#client;
    const onScreen = store.currentRoomId === room.id && page.visible;
    if (onScreen) {
      this.markRead(room.id);
    } else {
      store.countUnread(room.id);
      this.#client.dispatchEvent(new CustomEvent('unseen', { detail: { room, message } }));
    }
    store.emit('rooms');
  }

  /** Marks the room read up to its last message, shortly, once the page is visible. */
  markRead(roomId) {
    const { store, page, connection } = this.#client;
    const room = store.rooms.get(roomId);
    if (!room || !page.visible) return;
    if (room.unread) {
      store.clearUnread(roomId);
      store.emit('rooms');
    }
    clearTimeout(this.#timers.get(roomId));
    this.#timers.set(roomId, setTimeout(() => {
      this.#timers.delete(roomId);
      if (room.lastSeq > 0) connection.send({ type: 'read', roomId, seq: room.lastSeq });
    }, READ_DELAY_MS));
  }
}
