// The real-time connection: a socket of the transport transports.js picks, reconnection with capped
// exponential backoff and jitter, and the close codes of docs/PROTOCOL.md; frames are written at the pace of
// pacer.js, answers are matched to requests by requests.js, and heartbeat.js finds a socket that died
// silently. What to do after `ready` (sync, resending) belongs to the caller.

import { SessionEndedError } from '../session.js';
import { Heartbeat } from './heartbeat.js';
import { FramePacer } from './pacer.js';
import { Transports } from './transports.js';
import { PendingRequests, RequestError } from './requests.js';

export const CloseCode = Object.freeze({
  UNAUTHENTICATED: 4401,
  BANNED: 4403,
  AUTH_TIMEOUT: 4408,
  TOO_MANY: 4429,
  GOING_AWAY: 1001,
});

/** The states the connection shows: connecting, online, reconnecting, offline (waiting to retry), banned, closed. */
export const ConnectionState = Object.freeze({
  CONNECTING: 'connecting',
  ONLINE: 'online',
  RECONNECTING: 'reconnecting',
  BANNED: 'banned',
  CLOSED: 'closed',
});

const BACKOFF_FIRST_MS = 500;
const BACKOFF_MAX_MS = 15_000;

export class Connection extends EventTarget {
  #session;
  #socket = null;
  #state = ConnectionState.CLOSED;
  #attempt = 0;
  #retryTimer = null;
  #heartbeat = new Heartbeat(() => this.#ping(), () => this.#dropDead());
  #requests = new PendingRequests();
  #pacer = new FramePacer((text) => this.#socket?.send(text));
  #closeCodeFromFrame = null;
  #transports = new Transports();
  #stopped = true;

  /** Emits `frame` for every server frame that answers no request, `state` on changes, `dropped`, `retry`. */
  constructor(session) {
    super();
    this.#session = session;
    // The server closes a socket when its token expires: each refreshed token renews the open socket.
    session.addEventListener('refreshed', () => this.#renew());
    window.addEventListener('online', () => {
      if (this.#retryTimer) this.#retryNow();
    });
  }

  get state() {
    return this.#state;
  }

  /** The transport in use: "sockjs/websocket", "sockjs/xhr-streaming", "websocket", ... */
  get transport() {
    return this.#transports.name;
  }

  start() {
    this.#stopped = false;
    this.#open();
  }

  /** Closes for good (logout): no reconnect. */
  stop() {
    this.#stopped = true;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#heartbeat.stop();
    this.#pacer.clear();
    const socket = this.#socket;
    this.#socket = null;
    if (socket) socket.close(1000, 'bye');
    this.#requests.failAll('closed');
    this.#setState(ConnectionState.CLOSED);
  }

  /**
   * Sends a frame that needs no answer, in its turn (socket/pacer.js); a droppable one goes now or not at all.
   * Answers whether it was (or will be) sent.
   */
  send(frame, { droppable = false } = {}) {
    if (this.#state !== ConnectionState.ONLINE) return false;
    const text = JSON.stringify(frame);
    if (droppable) return this.#pacer.offer(text);
    this.#pacer.enqueue(text);
    return true;
  }

  /** Sends a frame and answers its `ack` (or whichever frame carries the same ref); rejects on `error`. */
  request(frame) {
    if (this.#state !== ConnectionState.ONLINE) return Promise.reject(new RequestError({ code: 'offline' }));
    return this.#requests.send(frame, this.#pacer);
  }

  #ping() {
    if (this.#state !== ConnectionState.ONLINE) return false;
    this.#pacer.enqueueFirst(JSON.stringify({ type: 'ping', ref: 'heartbeat' }));
    return true;
  }

  #renew() {
    const token = this.#session.currentAccessToken;
    if (this.#state !== ConnectionState.ONLINE || !token) return;
    // Refused (a session that just ended, say): the server closes with 4401 and the close path handles it.
    this.request({ type: 'auth', token }).catch(() => {});
  }

  async #open() {
    if (this.#stopped) return;
    this.#setState(this.#attempt === 0 ? ConnectionState.CONNECTING : ConnectionState.RECONNECTING);
    let token;
    try {
      token = await this.#session.accessToken();
    } catch (error) {
      if (error instanceof SessionEndedError) {
        this.stop();
        return;
      }
      this.#scheduleRetry();
      return;
    }
    if (this.#stopped) return;
    const socket = this.#transports.create();
    this.#socket = socket;
    this.#closeCodeFromFrame = null;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.#transports.opened(socket);
      socket.send(JSON.stringify({ type: 'auth', ref: 'auth', token }));
    };
    socket.onmessage = (event) => {
      if (socket === this.#socket) this.#receive(event.data);
    };
    socket.onclose = (event) => {
      if (socket !== this.#socket) return;
      this.#transports.closed(opened);
      this.#onClosed(this.#closeCodeFromFrame ?? event.code);
    };
  }

  #receive(data) {
    let frame;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (frame.type === 'close') {
      // SockJS closes every session with 3000: the real code comes first in this frame.
      this.#closeCodeFromFrame = frame.code;
      return;
    }
    if (frame.type === 'ready') {
      this.#attempt = 0;
      this.#pacer.reset(frame.limits);
      this.#setState(ConnectionState.ONLINE);
      this.#heartbeat.start();
    }
    if (frame.type === 'pong') this.#heartbeat.pong();
    if (this.#requests.settle(frame)) return;
    this.dispatchEvent(new CustomEvent('frame', { detail: frame }));
  }

  async #onClosed(code) {
    this.#socket = null;
    this.#heartbeat.stop();
    this.#pacer.clear();
    // Before the requests fail: what they set off (the next message of the outbox) must find the socket gone.
    if (!this.#stopped) this.#setState(ConnectionState.RECONNECTING);
    this.#requests.failAll('disconnected');
    if (this.#stopped) return;
    this.dispatchEvent(new CustomEvent('dropped', { detail: { code } }));
    if (code === CloseCode.BANNED) {
      this.#stopped = true;
      this.#setState(ConnectionState.BANNED);
      return;
    }
    if (code === CloseCode.UNAUTHENTICATED) {
      try {
        await this.#session.refresh();
      } catch (error) {
        if (error instanceof SessionEndedError) {
          this.stop();
          return;
        }
      }
      // A fresh token refused again (a clock off, a key being rotated) backs off instead of looping.
      if (this.#attempt === 0) {
        this.#attempt++;
        this.#open();
      } else {
        this.#scheduleRetry();
      }
      return;
    }
    if (code === CloseCode.AUTH_TIMEOUT) {
      this.#open();
      return;
    }
    this.#scheduleRetry();
  }

  #scheduleRetry() {
    this.#setState(ConnectionState.RECONNECTING);
    const base = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** this.#attempt);
    const delay = base * (0.7 + Math.random() * 0.6);
    this.#attempt++;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => this.#retryNow(), delay);
    this.dispatchEvent(new CustomEvent('retry', { detail: { inMs: delay, attempt: this.#attempt } }));
  }

  #retryNow() {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#open();
  }

  /** No pong: the connection is dead without having said so. Drop it and reconnect. */
  #dropDead() {
    const socket = this.#socket;
    if (socket) {
      this.#socket = null;
      socket.close();
      this.#onClosed(1006);
    }
  }

  #setState(state) {
    if (this.#state === state) return;
    this.#state = state;
    this.dispatchEvent(new CustomEvent('state', { detail: { state } }));
  }
}
