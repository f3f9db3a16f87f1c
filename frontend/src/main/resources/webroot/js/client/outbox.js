// Sending messages: each goes into the outbox with a clientMsgId and shows at once as "sending"; it stays
// there (across reloads too) until the server's copy arrives, and is sent again with the same clientMsgId
// after a reconnect, which the server answers with the first message, so it is never stored twice.

import { ConnectionState } from '../socket/connection.js';

/** Failures that only mean "not now": the entry is sent again after the next ready. */
const DROPPED = ['offline', 'disconnected', 'closed', 'timeout'];
/**
 * Times a message is sent while the server says it is busy (`unavailable`, with when to send again) before it
 * shows as failed: the same clientMsgId each time, so it is stored once however many of them arrive.
 */
const BUSY_ATTEMPTS = 5;

export class Outbox {
  #client;
  /** roomId -> the delivery the next message to that room waits for. */
  #inFlight = new Map();

  constructor(client) {
    this.#client = client;
  }

  /**
   * Sends a message (a reply when threadId names a thread's root); it shows at once as "sending" and is resent
   * after a drop until the server has it.
   */
  send(roomId, text, attachment = null, threadId = null) {
    const entry = {
      clientMsgId: crypto.randomUUID(),
      roomId,
      ...(threadId ? { threadId } : {}),
      text,
      fileId: attachment?.fileId,
      attachment,
      createdAt: new Date().toISOString(),
      state: 'sending',
    };
    this.#client.store.addToOutbox(entry);
    this.#client.store.emit('timeline', placeOf(entry));
    if (!threadId) this.#client.typing.sentMessage(roomId);
    this.#deliver(entry);
  }

  retry(clientMsgId) {
    const { store } = this.#client;
    const entry = store.outbox.get(clientMsgId);
    if (!entry) return;
    store.updateOutbox(clientMsgId, { state: 'sending', error: undefined });
    store.emit('timeline', placeOf(entry));
    this.#deliver(entry);
  }

  discard(clientMsgId) {
    const { store } = this.#client;
    const entry = store.outbox.get(clientMsgId);
    store.removeFromOutbox(clientMsgId);
    if (entry) store.emit('timeline', placeOf(entry));
  }

  /** The server's copy of a message sent from here arrived: it leaves the outbox. */
  confirm(clientMsgId, roomId, threadId) {
    const { store } = this.#client;
    if (!store.outbox.has(clientMsgId)) return;
    store.removeFromOutbox(clientMsgId);
    store.emit('timeline', placeOf({ roomId, threadId }));
  }

  /** After a reconnect: every entry the server may not have yet goes again. */
  resend() {
    for (const entry of this.#client.store.outbox.values()) {
      if (entry.state === 'sending' || entry.state === 'sent') this.#deliver(entry);
    }
  }

  /**
   * Messages to one room go one after another, each once the one before is answered: a frame the server
   * refuses as too fast is sent again later, and must not let the messages sent after it overtake it.
   */
  #deliver(entry) {
    const before = this.#inFlight.get(entry.roomId) ?? Promise.resolve();
    const deliver = () => this.#deliverNow(entry);
    // However the one before ended: a bug in one delivery must not hold back the room's later messages for good.
    const delivered = before.then(deliver, deliver);
    this.#inFlight.set(entry.roomId, delivered);
    delivered.finally(() => {
      if (this.#inFlight.get(entry.roomId) === delivered) this.#inFlight.delete(entry.roomId);
    });
  }

  async #deliverNow(entry) {
    const { store, connection } = this.#client;
    if (connection.state !== ConnectionState.ONLINE || !store.outbox.has(entry.clientMsgId)) return;
    const frame = { type: 'message', roomId: entry.roomId, text: entry.text, clientMsgId: entry.clientMsgId };
    if (entry.fileId) frame.fileId = entry.fileId;
    if (entry.threadId) frame.threadId = entry.threadId;
    try {
      const ack = await this.#requestWhileBusy(frame, entry);
      if (!ack || !store.outbox.has(entry.clientMsgId)) return;
      const held = entry.threadId ? store.threads.heldReplies(entry.threadId) : store.timelines.get(entry.roomId);
      if (held?.has(ack.messageId)) {
        store.removeFromOutbox(entry.clientMsgId);
      } else {
        store.updateOutbox(entry.clientMsgId, { state: 'sent', messageId: ack.messageId });
      }
    } catch (error) {
      if (DROPPED.includes(error.code)) return;
      store.updateOutbox(entry.clientMsgId, { state: 'failed', error: error.message });
    }
    store.emit('timeline', placeOf(entry));
  }

  /** The frame's answer, sent again after the wait the server asks for while it is busy; null once discarded. */
  async #requestWhileBusy(frame, entry) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#client.connection.request(frame);
      } catch (error) {
        if (error.code !== 'unavailable' || attempt === BUSY_ATTEMPTS) throw error;
        // Up to half as long again, at random: the many senders a busy server refused at once come back spread out.
        await new Promise((resolve) => setTimeout(resolve, error.retryAfterMs * (1 + Math.random() / 2)));
        if (!this.#client.store.outbox.has(entry.clientMsgId)) return null;
      }
    }
  }
}

/** Where an entry shows: its room's main list, or its thread. */
function placeOf({ roomId, threadId }) {
  return threadId ? { roomId, threadId } : { roomId };
}
