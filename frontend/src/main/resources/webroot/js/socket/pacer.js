// Pacing what this client writes to the socket, so that the server's frame rate (told in `ready` as `limits`)
// is never what refuses a message: frames wait their turn in order instead. Typing notices are not worth
// waiting for and are dropped when they cannot go at once; pings go ahead of the queue, since a ping stuck
// behind a long paste would make a live socket look dead.

/** Until `ready` says otherwise: the contract's 20 frames a second, bursts of 40. */
const CONTRACT_LIMITS = { framesPerSecond: 20, frameBurst: 40 };
/**
 * Frames paced evenly here can still reach the server bunched (a slow network hands over several at once), so
 * the pace keeps below the server's: 90% of its rate, half its burst.
 */
const RATE_SHARE = 0.9;
const BURST_SHARE = 0.5;

export class FramePacer {
  #write;
  #perMs = 0;
  #burst = 1;
  #tokens = 0;
  #last = 0;
  #heldUntil = 0;
  #nextPlace = 0;
  /** Waiting frames, { text, place, written }, ordered by place. */
  #queue = [];
  #urgent = [];
  #timer = null;

  /** write(text) puts a frame on the socket. */
  constructor(write) {
    this.#write = write;
    this.reset();
  }

  /** A fresh socket: its bucket is full again, less the `auth` frame it has taken. */
  reset(limits = CONTRACT_LIMITS) {
    this.clear();
    this.#perMs = (limits.framesPerSecond * RATE_SHARE) / 1000;
    this.#burst = Math.max(1, Math.floor(limits.frameBurst * BURST_SHARE));
    this.#tokens = this.#burst - 1;
    this.#last = performance.now();
    this.#heldUntil = 0;
  }

  /** The socket is gone: nothing waiting is written to the next one (the caller sends again what matters). */
  clear() {
    clearTimeout(this.#timer);
    this.#timer = null;
    this.#queue = [];
    this.#urgent = [];
  }

  /** A place in line, for a frame that may have to be sent again without losing its turn. */
  nextPlace() {
    return this.#nextPlace++;
  }

  /** Writes the frame if it can go now; answers whether it went. */
  offer(text) {
    if (this.#queue.length || this.#urgent.length || !this.#take()) return false;
    this.#write(text);
    return true;
  }

  /** Writes the frame in its turn; written() is called when it goes. */
  enqueue(text, place = this.nextPlace(), written = () => {}) {
    let at = this.#queue.length;
    while (at > 0 && this.#queue[at - 1].place > place) at--;
    this.#queue.splice(at, 0, { text, place, written });
    this.#pump();
  }

  /** Writes the frame before anything waiting. */
  enqueueFirst(text) {
    this.#urgent.push({ text, written: () => {} });
    this.#pump();
  }

  /**
   * The server refused a frame: nothing more goes before it said it would take one, and the pace starts again
   * from an empty bucket then.
   */
  holdFor(ms) {
    this.#tokens = 0;
    this.#heldUntil = Math.max(this.#heldUntil, performance.now() + ms);
    this.#last = this.#heldUntil;
  }

  #take() {
    const now = performance.now();
    if (now < this.#heldUntil) return false;
    this.#tokens = Math.min(this.#burst, this.#tokens + (now - this.#last) * this.#perMs);
    this.#last = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  #pump() {
    clearTimeout(this.#timer);
    this.#timer = null;
    while (this.#urgent.length || this.#queue.length) {
      if (!this.#take()) {
        const wait = Math.max(this.#heldUntil - performance.now(), (1 - this.#tokens) / this.#perMs, 1);
        this.#timer = setTimeout(() => this.#pump(), wait);
        return;
      }
      const next = this.#urgent.length ? this.#urgent.shift() : this.#queue.shift();
      this.#write(next.text);
      next.written();
    }
  }
}
