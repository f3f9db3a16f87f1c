// The threads the store holds: each thread's top-level message (its root, with the live `thread` summary) and
// replies (a Timeline of their own), the threads the user follows with their unread replies, and the thread
// open on screen. Held by the store and changed only through the methods below (called by js/client/).

import { Timeline } from './timeline.js';

export class ThreadBook {
  /** roomId -> Timeline of the roots held (the highest version of each). */
  #roots = new Map();
  /** rootId -> Timeline of its replies. */
  #replies = new Map();
  /** rootId -> {roomId, unreadReplies}: the threads the user follows (with replies or not yet). */
  #followed = new Map();
  /**
   * rootId -> how many replies the thread had when the user last read it on this page: a list the server made
   * before it heard of that read does not count those replies again.
   */
  #readAt = new Map();
  #openId = null;
  #openRoomId = null;
  #listed = false;

  /** The root of the thread open in the side panel, or null; and its room. */
  get openId() { return this.#openId; }
  get openRoomId() { return this.#openRoomId; }
  /** Whether the followed threads have been fetched from the server at least once. */
  get listed() { return this.#listed; }

  root(rootId) {
    for (const roots of this.#roots.values()) {
      const root = roots.get(rootId);
      if (root) return root;
    }
    return null;
  }

  /** The thread's replies, made empty on first use. */
  replies(rootId) {
    let timeline = this.#replies.get(rootId);
    if (!timeline) {
      timeline = new Timeline();
      this.#replies.set(rootId, timeline);
    }
    return timeline;
  }

  /** The thread's replies if any were held. */
  heldReplies(rootId) {
    return this.#replies.get(rootId) ?? null;
  }

  /** The timeline of replies that holds this message, if any does. */
  holding(messageId) {
    for (const timeline of this.#replies.values()) if (timeline.has(messageId)) return timeline;
    return null;
  }

  follows(rootId) {
    return this.#followed.has(rootId);
  }

  unreadReplies(rootId) {
    return this.#followed.get(rootId)?.unreadReplies ?? 0;
  }

  /** The followed threads that have replies, the latest reply first, each {root, roomId, unreadReplies}. */
  followedWithReplies() {
    const list = [];
    for (const [rootId, entry] of this.#followed) {
      const root = this.root(rootId);
      if (root?.thread?.replyCount > 0 && !root.deleted) list.push({ root, ...entry });
    }
    return list.sort((a, b) => String(b.root.thread.lastReplyAt).localeCompare(String(a.root.thread.lastReplyAt)));
  }

  /** How many followed threads have replies not read yet. */
  unreadThreads() {
    let count = 0;
    for (const { unreadReplies } of this.#followed.values()) if (unreadReplies > 0) count++;
    return count;
  }

  /** Keeps the newer copy of a root; answers whether it changed. */
  putRoot(message) {
    let roots = this.#roots.get(message.roomId);
    if (!roots) {
      roots = new Timeline();
      this.#roots.set(message.roomId, roots);
    }
    return roots.upsert(message);
  }

  /** Applies a reaction frame to the root it names, if held; answers whether it changed. */
  reactToRoot(frame) {
    return this.#roots.get(frame.roomId)?.react(frame) ?? false;
  }

  /** The threads the server says the user follows: they replace what was counted here. */
  takeFollowed(threads) {
    const pending = [...this.#followed].filter(([rootId]) => !threads.some((thread) => thread.root.id === rootId));
    this.#followed = new Map(pending);
    for (const { root, room, unreadReplies } of threads) {
      this.putRoot(root);
      const readHere = this.#readAt.get(root.id);
      const sinceReadHere = readHere === undefined ? unreadReplies
        : Math.max(0, (root.thread?.replyCount ?? 0) - readHere);
      this.#followed.set(root.id, { roomId: room.id, unreadReplies: Math.min(unreadReplies, sinceReadHere) });
    }
    this.#listed = true;
  }

  /** The user follows the thread from now on (wrote its root, replied, was named in it, opened it). */
  follow(rootId, roomId) {
    if (!this.#followed.has(rootId)) this.#followed.set(rootId, { roomId, unreadReplies: 0 });
  }

  /** The user read the thread here: as many replies as its summary or the replies held know of. */
  markRead(rootId) {
    const known = Math.max(this.root(rootId)?.thread?.replyCount ?? 0, this.#replies.get(rootId)?.sorted().length ?? 0);
    this.#readAt.set(rootId, Math.max(known, this.#readAt.get(rootId) ?? 0));
  }

  countReply(rootId) {
    const entry = this.#followed.get(rootId);
    if (entry) entry.unreadReplies += 1;
  }

  setUnreadReplies(rootId, count) {
    const entry = this.#followed.get(rootId);
    if (entry) entry.unreadReplies = count;
  }

  open(rootId, roomId) {
    this.#openId = rootId;
    this.#openRoomId = roomId;
  }

  close() {
    this.#openId = null;
    this.#openRoomId = null;
  }

  /** A room left or removed: its threads go too. */
  forgetRoom(roomId) {
    for (const root of this.#roots.get(roomId)?.sorted() ?? []) this.#replies.delete(root.id);
    this.#roots.delete(roomId);
    for (const [rootId, entry] of this.#followed) if (entry.roomId === roomId) this.#followed.delete(rootId);
    if (this.#openRoomId === roomId) this.close();
  }
}
