// The socket's heartbeat: a ping every 20 s; a ping left without a pong for 10 s means the connection is
// dead without having said so.

const PING_EVERY_MS = 20_000;
const PONG_WITHIN_MS = 10_000;

export class Heartbeat {
  #ping;
  #dead;
  #pingTimer = null;
  #pongTimer = null;

  /** ping() sends a ping and answers whether it could; dead() is called when its pong does not come. */
  constructor(ping, dead) {
    this.#ping = ping;
    this.#dead = dead;
  }

  start() {
    this.stop();
    this.#pingTimer = setInterval(() => {
      if (!this.#ping() || this.#pongTimer) return;
      this.#pongTimer = setTimeout(this.#dead, PONG_WITHIN_MS);
    }, PING_EVERY_MS);
  }

  pong() {
    clearTimeout(this.#pongTimer);
    this.#pongTimer = null;
  }

  stop() {
    clearInterval(this.#pingTimer);
    clearTimeout(this.#pongTimer);
    this.#pingTimer = null;
    this.#pongTimer = null;
  }
}
