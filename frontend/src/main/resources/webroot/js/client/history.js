// Message history over REST: a room's newest page when it is first opened, and older pages as the reader
// scrolls up.

const HISTORY_PAGE = 50;
/** Messages shown before one jumped to, so it is read in its context. */
const CONTEXT_BEFORE = 10;
const RANGE_PAGE = 100;

export class History {
  #client;

  constructor(client) {
    this.#client = client;
  }

  async loadNewest(roomId, timeline) {
    timeline.setLoaded(true);
    try {
      const page = await this.#client.api.history(roomId, { limit: HISTORY_PAGE });
      this.#take(timeline, page, true);
    } catch (error) {
      timeline.setLoaded(false);
      throw error;
    }
    this.#client.store.emit('timeline', { roomId, reset: true });
  }

  /** Fetches the page before the oldest message held; answers whether anything was added. */
  async loadOlder(roomId) {
    const { store, api } = this.#client;
    const timeline = store.timelines.get(roomId);
    if (!timeline?.loaded || !timeline.hasMore || timeline.loadingOlder || timeline.oldestSeq === null) return false;
    timeline.setLoadingOlder(true);
    try {
      const page = await api.history(roomId, { before: timeline.oldestSeq, limit: HISTORY_PAGE });
      this.#take(timeline, page, false);
    } finally {
      timeline.setLoadingOlder(false);
    }
    store.emit('timeline', { roomId, older: true });
    return true;
  }

  /**
   * Loads history back to a little before `seq`, for a message jumped to from a search. Pages are asked
   * forward (`after`) from there up to the oldest message held, so what is held stays one unbroken stretch.
   */
  async loadAround(roomId, seq) {
    const { store, api } = this.#client;
    const timeline = store.timelines.get(roomId);
    const held = timeline?.oldestSeq;
    if (!timeline?.loaded || held === null || seq >= held) return;
    const range = [];
    let after = Math.max(0, seq - CONTEXT_BEFORE - 1);
    while (after < held - 1) {
      const page = await api.history(roomId, { after, limit: RANGE_PAGE });
      const messages = (page.messages ?? []).filter((message) => message.seq < held);
      range.push(...messages);
      if (!page.hasMore || messages.length < (page.messages ?? []).length || !messages.length) break;
      after = messages[messages.length - 1].seq;
    }
    timeline.takeRange(range);
    for (const message of range) {
      if (message.sender) this.#client.people.learn(message.sender);
    }
    store.emit('timeline', { roomId, older: true });
  }

  #take(timeline, page, newest) {
    timeline.takePage(page, newest);
    for (const message of page.messages ?? []) {
      if (message.sender) this.#client.people.learn(message.sender);
    }
  }
}
