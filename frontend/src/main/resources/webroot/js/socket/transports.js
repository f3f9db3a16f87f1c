// Which transport the next socket uses: SockJS by default (it picks WebSocket or an HTTP fallback by itself);
// SockJS that never opens, twice, gives way to the plain WebSocket on /ws; that one failing too, or any socket
// that did open and then dropped, sends the next attempt back to SockJS.

/** SockJS attempts that never opened before the plain WebSocket is tried instead. */
const SOCKJS_FAILURES_BEFORE_FALLBACK = 2;

export class Transports {
  #sockJsFailures = 0;
  #name = 'sockjs';

  /** The transport in use: "sockjs/websocket", "sockjs/xhr-streaming", "websocket", ... */
  get name() {
    return this.#name;
  }

  /** A new socket of the transport to try now. */
  create() {
    const useSockJs = typeof window.SockJS === 'function' && this.#sockJsFailures < SOCKJS_FAILURES_BEFORE_FALLBACK;
    if (useSockJs) {
      this.#name = 'sockjs';
      return new window.SockJS('/sockjs');
    }
    this.#name = 'websocket';
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    return new WebSocket(`${scheme}://${location.host}/ws`);
  }

  opened(socket) {
    if (!this.#name.startsWith('sockjs')) return;
    this.#sockJsFailures = 0;
    this.#name = `sockjs/${socket.transport ?? 'unknown'}`;
  }

  closed(hadOpened) {
    if (!hadOpened && this.#name.startsWith('sockjs')) this.#sockJsFailures++;
    else this.#sockJsFailures = 0;
  }
}
