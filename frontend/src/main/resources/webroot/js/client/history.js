// History over REST, for a room's main list and for a thread's replies alike: the newest page when first
// shown, older pages as the reader scrolls up, and as many as it takes to reach a message asked for.

const HISTORY_PAGE = 50;
/** The largest page the server gives, for reaching a message far back in few calls. */
const LONGEST_PAGE = 100;

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

  /** Fetches older pages until the message at `seq` is held (or the start is reached). */
  loadUntil(roomId, seq) {
    const timeline = this.#client.store.timelines.get(roomId);
    return this.#until(timeline, (query) => this.#client.api.history(roomId, query), { roomId }, seq);
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

  loadRepliesUntil(rootId, roomId, seq) {
    const timeline = this.#client.store.threads.heldReplies(rootId);
    const fetch = (query) => this.#client.conversations.replies(rootId, query);
    return this.#until(timeline, fetch, { roomId, threadId: rootId }, seq);
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

  async #until(timeline, fetch, detail, seq) {
    while (timeline?.loaded && timeline.oldestSeq > seq && timeline.hasMore) {
      if (!await this.#older(timeline, fetch, detail, LONGEST_PAGE)) break;
    }
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
