// The thread open beside the room (a full-screen view on a phone, with a back button): its root and replies
// (a TimelineView over threadSource, older replies paged in while scrolling up) and a composer of its own,
// whose replies go through the outbox like any message.

import { h, icon, replaceChildren } from '../dom.js';
import { composerView } from './composer.js';
import { threadSource } from './timeline-sources.js';
import { TimelineView } from './timeline-view.js';

export class ThreadPanel {
  #ctx;
  #root;
  #rootId = null;
  #timeline;
  #composer = null;
  #title;

  /** root: the panel's element; onShown(open): the layout makes room for it. */
  constructor(root, ctx, onShown) {
    this.#ctx = ctx;
    this.#root = root;
    this.#timeline = new TimelineView(ctx);
    const { store } = ctx;
    store.addEventListener('thread', () => {
      this.show(store.threads.openId, store.threads.openRoomId);
      onShown(Boolean(this.#rootId));
    });
    store.addEventListener('rooms', () => this.#drawTitle());
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !event.defaultPrevented) this.#close();
    });
    this.show(null);
  }

  get rootId() {
    return this.#rootId;
  }

  show(rootId, roomId) {
    if (rootId === this.#rootId) return;
    const { store } = this.#ctx;
    this.#rootId = rootId;
    const list = this.#timeline.show(rootId ? threadSource(this.#ctx, rootId, roomId) : null);
    this.#root.hidden = !rootId;
    if (!rootId) {
      replaceChildren(this.#root);
      this.#composer = null;
      return;
    }
    const room = store.rooms.get(roomId);
    this.#title = h('p', { class: 'thread-room' });
    const header = h('header', { class: 'thread-head' },
      h('button', { type: 'button', class: 'button ghost small thread-back', onclick: () => this.#close() },
        icon('arrow-left'), 'Back'),
      h('div', { class: 'thread-heading' }, h('h2', { class: 'thread-title', id: 'thread-title' }, 'Thread'), this.#title),
      h('button', { type: 'button', class: 'icon-button thread-close', 'aria-label': 'Close thread', title: 'Close thread',
        onclick: () => this.#close() }, icon('x')));
    this.#composer = composerView({
      ...this.#ctx, roomId, threadId: rootId, placeholder: 'Reply in the thread…', dropTarget: this.#root,
    });
    replaceChildren(this.#root, header, list, this.#composer.element);
    this.#root.setAttribute('aria-labelledby', 'thread-title');
    this.#drawTitle(room);
    this.#timeline.draw({ reset: true });
    this.#timeline.watchTop();
    if (!this.#ctx.narrow()) this.#composer.focus();
  }

  /** Brings a reply into view; answers whether it is shown. */
  reveal(messageId) {
    return this.#timeline.reveal(messageId);
  }

  #drawTitle(room = this.#ctx.store.rooms.get(this.#ctx.store.threads.openRoomId)) {
    if (!this.#rootId || !room) return;
    const name = room.type === 'direct' ? this.#ctx.store.roomTitle(room) : `#${room.name}`;
    this.#title.textContent = name;
  }

  #close() {
    const rootId = this.#rootId;
    this.#ctx.client.threads.close();
    // Back where the thread was opened from: its root's summary in the room, or the room's composer.
    const summary = document.querySelector(`#chat [data-message-id="${CSS.escape(rootId ?? '')}"] .thread-summary`);
    if (summary) summary.focus();
    else this.#ctx.focusComposer?.();
  }
}
