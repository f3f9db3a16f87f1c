// Telling the user about messages they are not looking at: a desktop notification (once they allow it) and
// the unread count in the page title. A muted room raises neither, except for a message that names the user.

import { displayName } from './format.js';

export class Notifier extends EventTarget {
  #store;
  #baseTitle = 'Parley';

  constructor(store, client) {
    super();
    this.#store = store;
    client.addEventListener('unseen', (event) => {
      const { room, message, mention } = event.detail;
      if (!room.muted || mention) this.#notify(room, message);
    });
    for (const type of ['rooms', 'current', 'users']) store.addEventListener(type, () => this.#updateTitle());
    document.addEventListener('visibilitychange', () => this.#updateTitle());
  }

  /** Whether to offer the "enable notifications" button: supported and not yet decided. */
  canAsk() {
    return 'Notification' in window && Notification.permission === 'default';
  }

  async ask() {
    if (!('Notification' in window)) return;
    await Notification.requestPermission();
    this.dispatchEvent(new Event('permission'));
  }

  #notify(room, message) {
    if (!('Notification' in window) || Notification.permission !== 'granted') return;
    const where = room.type === 'direct' ? '' : ` in #${room.name}`;
    const title = `${displayName(message.sender)}${message.threadId ? ' replied' : ''}${where}`;
    const body = message.text || (message.attachment ? `Sent ${message.attachment.name}` : '');
    const notification = new Notification(title, { body, tag: room.id, icon: '/icon.svg' });
    notification.addEventListener('click', () => {
      window.focus();
      this.dispatchEvent(new CustomEvent('open', { detail: { roomId: room.id, threadId: message.threadId } }));
      notification.close();
    });
  }

  #updateTitle() {
    const store = this.#store;
    let unread = 0;
    for (const room of store.rooms.values()) {
      if (room.id === store.currentRoomId && !document.hidden) continue;
      unread += room.muted ? room.mentions ?? 0 : room.unread ?? 0;
    }
    const room = store.rooms.get(store.currentRoomId);
    const where = room ? `${room.type === 'direct' ? '' : '#'}${store.roomTitle(room)} · ` : '';
    document.title = `${unread > 0 ? `(${unread}) ` : ''}${where}${this.#baseTitle}`;
  }
}
