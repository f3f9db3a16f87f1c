// Unread counts and read marks, as collapsed threads count them: a top-level message arriving in a room that is
// not on screen in a visible page counts as unread (and as a mention when it names the user); a reply counts
// only in a thread the user follows: as new in that thread unless it is open on screen, and in its room unless
// the room is on screen. What the user cannot see is announced (`unseen`, for notifications). The room on
// screen is marked read with a `read` frame, the open thread with `read_thread`, shortly after they are
// opened, shown again, or get a message.

import { mentionsOf } from './threads.js';

const READ_DELAY_MS = 400;

export class Unread {
  #client;
  #timers = new Map();

  constructor(client) {
    this.#client = client;
    client.page.onChange(() => {
      const { store, page } = this.#client;
      if (page.visible && store.currentRoomId) this.markRead(store.currentRoomId);
      if (page.visible && store.threads.openId) this.markThreadRead(store.threads.openId);
      store.emit('rooms');
    });
  }

  /** A new message from someone else, live: unread and notification unless it is being read. */
  arrived(room, message) {
    const { store, page, threads } = this.#client;
    const reply = Boolean(message.threadId);
    if (reply && !threads.follows(message)) return;
    const roomOnScreen = store.currentRoomId === room.id && page.visible;
    const threadOnScreen = reply && roomOnScreen && store.threads.openId === message.threadId;
    // The room on screen is read, replies included (a reply's thread tells of it as new, below).
    if (roomOnScreen) this.markRead(room.id);
    if (threadOnScreen) this.markThreadRead(message.threadId);
    else if (reply) {
      store.threads.countReply(message.threadId);
      store.emit('threads', { rootId: message.threadId });
    }
    if (reply ? !threadOnScreen : !roomOnScreen) {
      const mention = mentionsOf(message, store.me?.id);
      if (!roomOnScreen) store.countUnread(room.id, mention);
      this.#client.dispatchEvent(new CustomEvent('unseen', { detail: { room, message, mention } }));
    }
    store.emit('rooms');
  }

  /** Marks the room read up to its last message (replies included), shortly, once the page is visible. */
  markRead(roomId) {
    const { store, page } = this.#client;
    const room = store.rooms.get(roomId);
    if (!room || !page.visible) return;
    if (room.unread || room.mentions) {
      store.setUnread(roomId);
      store.emit('rooms');
    }
    this.#soon(roomId, () => room.lastSeq > 0 && { type: 'read', roomId, seq: room.lastSeq });
  }

  /** Marks the open thread read up to the room's last message; the user follows it from then on. */
  markThreadRead(rootId) {
    const { store, page } = this.#client;
    const roomId = store.threads.openRoomId;
    if (!page.visible || store.threads.openId !== rootId || !store.rooms.has(roomId)) return;
    store.threads.markRead(rootId);
    if (store.threads.unreadReplies(rootId)) {
      store.threads.setUnreadReplies(rootId, 0);
      store.emit('threads', { rootId });
    }
    this.#soon(`thread:${rootId}`, () => {
      store.threads.markRead(rootId);
      const seq = store.rooms.get(roomId)?.lastSeq ?? 0;
      return seq > 0 && { type: 'read_thread', threadId: rootId, seq };
    });
  }

  /** Sends the frame made at the time, once a burst of arrivals has settled. */
  #soon(key, frame) {
    clearTimeout(this.#timers.get(key));
    this.#timers.set(key, setTimeout(() => {
      this.#timers.delete(key);
      const made = frame();
      if (made) this.#client.connection.send(made);
    }, READ_DELAY_MS));
  }
}
