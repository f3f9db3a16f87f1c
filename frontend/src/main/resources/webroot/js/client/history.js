// History over REST, for a room's main list and for a thread's replies alike: the newest page when first
// shown, older pages as the reader scrolls up, and the stretch back to a message jumped to (from a search, a
// pin, a mention).

const HISTORY_PAGE = 50;
/** Messages shown before one jumped to, so it is read in its context. */
const CONTEXT_BEFORE = 10;
const RANGE_PAGE = 100;

export class History {
  #client;

  constructor(client) {
    this.#client = client;
  }

  loadNewest(roomId, timeline) {
    return this.#newest(timeline, (query) => this.#client.api.history(roomId, query), { roomId });
  }

  /** Fetches the page before the oldest message held; answers whether anything was added. */
  loadOlder(roomId) {
    const timeline = this.#client.store.timelines.get(roomId);
    return this.#older(timeline, (query) => this.#client.api.history(roomId, query), { roomId }, HISTORY_PAGE);
  }

  /**
   * Loads history back to a little before `seq`, for a message jumped to. Pages are asked forward (`after`)
   * from there up to the oldest message held, so what is held stays one unbroken stretch.
   */
  loadAround(roomId, seq) {
    const timeline = this.#client.store.timelines.get(roomId);
    return this.#around(timeline, (query) => this.#client.api.history(roomId, query), { roomId }, seq);
  }

  /** A thread's newest replies, with its root as it is now. */
  loadNewestReplies(rootId, roomId) {
    const timeline = this.#client.store.threads.replies(rootId);
    return this.#newest(timeline, (query) => this.#client.conversations.replies(rootId, query), { roomId, threadId: rootId });
  }

  loadOlderReplies(rootId, roomId) {
    const timeline = this.#client.store.threads.heldReplies(rootId);
    const fetch = (query) => this.#client.conversations.replies(rootId, query);
    return this.#older(timeline, fetch, { roomId, threadId: rootId }, HISTORY_PAGE);
  }

  loadRepliesAround(rootId, roomId, seq) {
    const timeline = this.#client.store.threads.heldReplies(rootId);
    const fetch = (query) => this.#client.conversations.replies(rootId, query);
    return this.#around(timeline, fetch, { roomId, threadId: rootId }, seq);
  }

  async #newest(timeline, fetch, detail) {
    timeline.setLoaded(true);
    try {
      this.#take(timeline, await fetch({ limit: HISTORY_PAGE }), true);
    } catch (error) {
      timeline.setLoaded(false);
      throw error;
    }
    this.#client.store.emit('timeline', { ...detail, reset: true });
  }

  async #older(timeline, fetch, detail, limit) {
    if (!timeline?.loaded || !timeline.hasMore || timeline.loadingOlder || timeline.oldestSeq === null) return false;
    timeline.setLoadingOlder(true);
    try {
      this.#take(timeline, await fetch({ before: timeline.oldestSeq, limit }), false);
    } finally {
      timeline.setLoadingOlder(false);
    }
    this.#client.store.emit('timeline', { ...detail, older: true });
    return true;
  }

  async #around(timeline, fetch, detail, seq) {
    const held = timeline?.oldestSeq;
    if (!timeline?.loaded || held === null || seq >= held) return;
    const range = [];
    let after = Math.max(0, seq - CONTEXT_BEFORE - 1);
    while (after < held - 1) {
      const page = await fetch({ after, limit: RANGE_PAGE });
      const messages = (page.messages ?? []).filter((message) => message.seq < held);
      range.push(...messages);
      if (!page.hasMore || messages.length < (page.messages ?? []).length || !messages.length) break;
      after = messages[messages.length - 1].seq;
    }
    timeline.takeRange(range);
    for (const message of range) this.#client.people.learnFrom(message);
    this.#client.store.emit('timeline', { ...detail, older: true });
  }

  #take(timeline, page, newest) {
    const { store, people, threads } = this.#client;
    if (page.root) {
      threads.takeRoot(page.root);
      people.learnFrom(page.root);
    }
    timeline.takePage(page, newest);
    for (const message of page.messages ?? []) {
      people.learnFrom(message);
      if (message.thread && store.threads.root(message.id)) threads.takeRoot(message);
    }
  }
}
