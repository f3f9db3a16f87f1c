// One room's messages as the store holds them, keyed by id; changed only through the methods below.

/** A copy of a message is replaced only by one with a higher version. */
export class Timeline {
  #byId = new Map();
  #loaded = false;
  #oldestSeq = null;
  #hasMore = true;
  #loadingOlder = false;

  /** Whether history has been asked for: only then are live messages kept (the page fetch fills the rest). */
  get loaded() {
    return this.#loaded;
  }

  /** The lowest seq fetched from history; older ones are fetched when scrolling up. */
  get oldestSeq() {
    return this.#oldestSeq;
  }

  get hasMore() {
    return this.#hasMore;
  }

  get loadingOlder() {
    return this.#loadingOlder;
  }

  has(messageId) {
    return this.#byId.has(messageId);
  }

  get(messageId) {
    return this.#byId.get(messageId) ?? null;
  }

  sorted() {
    return [...this.#byId.values()].sort((a, b) => a.seq - b.seq);
  }

  /** History is being fetched (or was, when `loaded` is false again: the fetch failed). */
  setLoaded(loaded) {
    this.#loaded = loaded;
  }

  setLoadingOlder(loading) {
    this.#loadingOlder = loading;
  }

  /** Keeps the newer copy; answers true when the message was added or changed. */
  upsert(message) {
    const known = this.#byId.get(message.id);
    if (known && (known.version ?? 0) >= (message.version ?? 0)) return false;
    if (this.#oldestSeq !== null && message.seq < this.#oldestSeq) return false;
    this.#byId.set(message.id, message);
    return true;
  }

  /** Takes a page of history: the newest one, or one before the oldest message held. */
  takePage(page, newest) {
    const messages = page.messages ?? [];
    const first = messages[0]?.seq;
    if (first !== undefined) {
      this.#oldestSeq = this.#oldestSeq === null ? first : Math.min(this.#oldestSeq, first);
    } else if (newest) {
      this.#oldestSeq = 1;
    }
    this.#hasMore = Boolean(page.hasMore) && first !== undefined;
    // Changes to old messages that arrived before the first page are dropped.
    if (this.#oldestSeq !== null) this.#trimBelow(this.#oldestSeq);
    for (const message of messages) this.upsert(message);
  }

  /** Takes the messages just before the oldest one held, fetched oldest first: history reaches further back. */
  takeRange(messages) {
    const first = messages[0]?.seq;
    if (first === undefined || (this.#oldestSeq !== null && first >= this.#oldestSeq)) return;
    this.#oldestSeq = first;
    this.#hasMore = first > 1;
    for (const message of messages) this.upsert(message);
  }

  /** Applies a reaction frame to the message it names; answers true when the message changed. */
  react({ messageId, emoji, userId, op, version }) {
    const known = this.#byId.get(messageId);
    if (!known || (known.version ?? 0) >= version) return false;
    const reactions = structuredClone(known.reactions ?? {});
    const users = new Set(reactions[emoji] ?? []);
    if (op === 'add') users.add(userId);
    else users.delete(userId);
    if (users.size) reactions[emoji] = [...users];
    else delete reactions[emoji];
    this.#byId.set(known.id, { ...known, reactions, version });
    return true;
  }

  #trimBelow(seq) {
    for (const [id, message] of this.#byId) {
      if (message.seq < seq) this.#byId.delete(id);
    }
  }
}
