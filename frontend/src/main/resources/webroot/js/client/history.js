// Message history over REST: a room's newest page when it is first opened, and older pages as the reader
// scrolls up.

const HISTORY_PAGE = 50;

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

  #take(timeline, page, newest) {
    timeline.takePage(page, newest);
    for (const message of page.messages ?? []) {
      if (message.sender) this.#client.people.learn(message.sender);
    }
  }
}
