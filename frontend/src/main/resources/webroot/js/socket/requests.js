// Frames sent on the socket that wait for an answer: each gets a fresh `ref`, and the frame that carries the
// same `ref` back settles it (an `error` frame rejects it); no answer within 15 s of being written rejects it
// too. A frame the server refused as too fast is sent again in its turn once the server said it would take it.

const REQUEST_TIMEOUT_MS = 15_000;
/** Refusals as too fast before the request fails: the pacer keeps under the rate, so more means a bad clock. */
const RATE_LIMITED_ATTEMPTS = 5;

export class RequestError extends Error {
  constructor(frame) {
    super(frame.message || frame.code);
    this.name = 'RequestError';
    this.code = frame.code;
    this.errors = frame.errors ?? [];
    this.retryAfterMs = frame.retryAfterMs ?? 1000;
  }
}

export class PendingRequests {
  #nextRef = 1;
  #pending = new Map();

  /** Sends the frame, with its ref, through the pacer (socket/pacer.js); answers the frame that answers it. */
  async send(frame, pacer) {
    const place = pacer.nextPlace();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#sendOnce(frame, pacer, place);
      } catch (error) {
        if (error.code !== 'rate_limited' || attempt === RATE_LIMITED_ATTEMPTS) throw error;
        pacer.holdFor(error.retryAfterMs);
      }
    }
  }

  #sendOnce(frame, pacer, place) {
    const ref = `r${this.#nextRef++}`;
    return new Promise((resolve, reject) => {
      const request = { resolve, reject, timer: null };
      this.#pending.set(ref, request);
      pacer.enqueue(JSON.stringify({ ...frame, ref }), place, () => {
        if (this.#pending.get(ref) !== request) return;
        request.timer = setTimeout(() => {
          this.#pending.delete(ref);
          reject(new RequestError({ code: 'timeout', message: 'No answer from the server.' }));
        }, REQUEST_TIMEOUT_MS);
      });
    });
  }

  /** Settles the request this frame answers; answers false when it answers none. */
  settle(frame) {
    const pending = frame.ref !== undefined ? this.#pending.get(frame.ref) : undefined;
    if (!pending) return false;
    this.#pending.delete(frame.ref);
    clearTimeout(pending.timer);
    if (frame.type === 'error') pending.reject(new RequestError(frame));
    else pending.resolve(frame);
    return true;
  }

  /** The socket is gone: every request still waiting fails with the reason as its code. */
  failAll(reason) {
    for (const { reject, timer } of this.#pending.values()) {
      clearTimeout(timer);
      reject(new RequestError({ code: reason, message: 'The connection dropped.' }));
    }
    this.#pending.clear();
  }
}
