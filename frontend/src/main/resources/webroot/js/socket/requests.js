// Frames sent on the socket that wait for an answer: each gets a fresh `ref`, and the frame that carries the
// same `ref` back settles it (an `error` frame rejects it); no answer within 15 s rejects it too.

const REQUEST_TIMEOUT_MS = 15_000;

export class RequestError extends Error {
  constructor(frame) {
    super(frame.message || frame.code);
    this.name = 'RequestError';
    this.code = frame.code;
    this.errors = frame.errors ?? [];
  }
}

export class PendingRequests {
  #nextRef = 1;
  #pending = new Map();

  /** Sends the frame, with its ref, through send(text); answers the frame that answers it. */
  send(frame, send) {
    const ref = `r${this.#nextRef++}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(ref);
        reject(new RequestError({ code: 'timeout', message: 'No answer from the server.' }));
      }, REQUEST_TIMEOUT_MS);
      this.#pending.set(ref, { resolve, reject, timer });
      send(JSON.stringify({ ...frame, ref }));
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
