// Threads as in Mattermost's collapsed threads: replies live in their thread, never in the room's main list;
// the root carries the live summary; the thread open in the side panel is read as replies arrive; and the
// threads the user follows (wrote the root, replied, was named in it, opened it: docs/PROTOCOL.md) count their
// unread replies for the "Threads" view, which the server lists after every (re)connection.

export class Threads {
  #client;

  constructor(client) {
    this.#client = client;
  }

  /** The followed threads as the server counts them. */
  async load() {
    const { store, conversations, people } = this.#client;
    let answer;
    try {
      answer = await conversations.threads();
    } catch {
      return; // Kept as counted here; the next ready asks again.
    }
    const threads = answer.threads ?? [];
    store.threads.takeFollowed(threads);
    for (const { root } of threads) people.learnFrom(root);
    store.emit('threads');
  }

  /** Opens the thread in the side panel (its room on screen behind it) and reads it. */
  async open(rootId, roomId) {
    const { store, rooms, history, unread } = this.#client;
    if (!store.rooms.has(roomId)) return;
    if (store.currentRoomId !== roomId) await rooms.open(roomId);
    const known = store.timelines.get(roomId)?.get(rootId);
    if (known) this.takeRoot(known);
    store.threads.open(rootId, roomId);
    store.threads.follow(rootId, roomId);
    store.emit('thread');
    if (!store.threads.replies(rootId).loaded) await history.loadNewestReplies(rootId, roomId);
    unread.markThreadRead(rootId);
  }

  close() {
    const { store } = this.#client;
    if (!store.threads.openId) return;
    store.threads.close();
    store.emit('thread');
  }

  /** A reply as a frame tells it (new, edited, deleted, resent by sync). */
  onReply(room, message, live) {
    const { store } = this.#client;
    const rootId = message.threadId;
    const replies = store.threads.heldReplies(rootId);
    if (replies?.loaded && replies.upsert(message)) store.emit('timeline', { roomId: room.id, threadId: rootId });
    if (live && this.#startsFollowing(room, message)) store.threads.follow(rootId, room.id);
  }

  /** A top-level message as a frame tells it: its summary kept for the panel and the Threads view. */
  onRoot(room, message, live) {
    const { store } = this.#client;
    const me = store.me?.id;
    if (live && !message.deleted && (message.sender?.id === me || message.thread?.participants?.includes(me))) {
      store.threads.follow(message.id, room.id);
    }
    if (store.threads.follows(message.id) || store.threads.root(message.id)) this.takeRoot(message);
  }

  /** Keeps the newer copy of a thread's root; tells the views when it changed. */
  takeRoot(root) {
    const { store } = this.#client;
    if (store.threads.putRoot(root)) store.emit('threads', { rootId: root.id });
  }

  /** A reaction to a reply or to a root held here; answers whether anything changed. */
  onReaction(frame) {
    const { store } = this.#client;
    let changed = false;
    if (store.threads.reactToRoot(frame)) {
      store.emit('threads', { rootId: frame.messageId });
      changed = true;
    }
    const replies = store.threads.holding(frame.messageId);
    if (replies?.react(frame)) {
      store.emit('timeline', { roomId: frame.roomId, threadId: replies.get(frame.messageId).threadId });
      changed = true;
    }
    return changed;
  }

  /** Whether a reply from someone else counts for this user: only in a thread they follow. */
  follows(message) {
    return this.#client.store.threads.follows(message.threadId);
  }

  /** Whether this reply makes the user follow its thread: theirs, naming them, or in a thread they started or joined. */
  #startsFollowing(room, message) {
    const { store } = this.#client;
    const me = store.me?.id;
    if (message.sender?.id === me || mentionsOf(message, me)) return true;
    const root = store.threads.root(message.threadId) ?? store.timelines.get(room.id)?.get(message.threadId);
    return Boolean(root && (root.sender?.id === me || root.thread?.participants?.includes(me)));
  }
}

/** Whether a message names the user: by @username, or by @room. */
export function mentionsOf(message, userId) {
  return Boolean(message?.mentionsRoom || (userId && message?.mentions?.includes(userId)));
}
