// Receipts of direct messages: the server says once that a message reached its recipient late (`delivered`)
// and how far the other member has read (`receipt`); the store remembers both across reloads.

export class Receipts {
  #client;

  constructor(client) {
    this.#client = client;
  }

  onDelivered(frame) {
    const { store } = this.#client;
    store.markDeliveredLate(frame.messageId, frame.at ?? new Date().toISOString());
    store.emit('timeline', { roomId: frame.roomId });
  }

  onReceipt(frame) {
    const { store } = this.#client;
    if (frame.userId === store.me?.id) return;
    store.markPeerRead(frame.roomId, frame.seq);
    store.emit('timeline', { roomId: frame.roomId });
  }
}
