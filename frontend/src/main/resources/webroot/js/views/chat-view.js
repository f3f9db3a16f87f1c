// The room on screen: its header (room-header.js), the messages (a TimelineView of the room's main list), who
// is typing, and the composer; or, in its place, the Threads or Mentions list; or a welcome when nothing is open.

import { h, icon, replaceChildren } from '../dom.js';
import { displayName } from '../format.js';
import { composerView } from './composer.js';
import { mentionsView } from './mentions-view.js';
import { drawRoomHeader } from './room-header.js';
import { threadsView } from './threads-view.js';
import { roomSource } from './timeline-sources.js';
import { TimelineView } from './timeline-view.js';

const LISTS = { threads: threadsView, mentions: mentionsView };

export class ChatView {
  #ctx;
  #roomId = null;
  #view = null;
  #timeline;
  #composer = null;
  #typingLine;
  #welcomeHadRooms = null;
  /** Lets go of what the list shown in place of a room listened to. */
  #leaveList = null;

  constructor(root, ctx) {
    this.#ctx = ctx;
    this.root = root;
    const { store } = ctx;
    store.addEventListener('current', () => this.show(store.currentRoomId, store.currentView));
    this.#timeline = new TimelineView(ctx);
    store.addEventListener('typing', (event) => {
      if (event.detail.roomId === this.#roomId) this.#drawTyping();
    });
    store.addEventListener('users', () => this.#roomId && this.#drawHeader());
    store.addEventListener('presence', () => this.#roomId && this.#drawHeader());
    store.addEventListener('members', (event) => event.detail.roomId === this.#roomId && this.#drawHeader());
    store.addEventListener('rooms', () => {
      if (this.#roomId) {
        this.#drawHeader();
        this.#timeline.draw();
      } else if (!this.#view && this.#welcomeHadRooms !== store.rooms.size > 0) {
        this.#drawWelcome();
      }
    });
    this.show(null);
  }

  show(roomId, view = null) {
    const { store } = this.#ctx;
    const room = roomId ? store.rooms.get(roomId) : null;
    if (roomId === this.#roomId && room) return;
    if (!room && view && view === this.#view) return;
    this.#leaveList?.();
    this.#leaveList = null;
    this.#roomId = room ? roomId : null;
    this.#view = room ? null : view;
    this.#composer = null;
    const messages = this.#timeline.show(room ? roomSource(this.#ctx, room) : null);
    if (!room) {
      if (LISTS[this.#view]) this.#leaveList = LISTS[this.#view](this.root, this.#ctx);
      else this.#drawWelcome();
      return;
    }
    this.header = h('header', { class: 'chat-head' });
    this.#typingLine = h('div', { class: 'typing-line', 'aria-live': 'polite' });
    const title = room.type === 'direct' ? `Message ${store.roomTitle(room)}` : `Message #${room.name}`;
    this.#composer = composerView({ ...this.#ctx, roomId, placeholder: title, dropTarget: this.root });
    replaceChildren(this.root, this.header, messages, this.#typingLine, this.#composer.element);
    this.#drawHeader();
    this.#drawTyping();
    this.#timeline.draw({ reset: true });
    this.#timeline.watchTop();
    if (!this.#ctx.narrow()) this.#composer.focus();
  }

  focusComposer() {
    this.#composer?.focus();
  }

  /** Brings a message of the room on screen into view; answers whether it is shown. */
  reveal(messageId) {
    return this.#timeline.reveal(messageId);
  }

  #drawWelcome() {
    const { store } = this.#ctx;
    const hasRooms = store.rooms.size > 0;
    this.#welcomeHadRooms = hasRooms;
    replaceChildren(this.root,
      h('header', { class: 'chat-head' }, this.#ctx.menuButton(), h('h1', { class: 'chat-title' }, 'Parley')),
      h('div', { class: 'welcome' },
        h('div', { class: 'welcome-art', 'aria-hidden': 'true' }, icon('logo')),
        h('h2', {}, hasRooms ? 'Pick a conversation' : 'Welcome to Parley'),
        h('p', {}, hasRooms
          ? 'Choose a room or a direct message on the left, or start something new.'
          : 'Join a room to start talking, or create one for your team.'),
        h('div', { class: 'welcome-actions' },
          h('button', { type: 'button', class: 'button primary', onclick: () => this.#ctx.browseRooms() }, icon('search'), 'Browse rooms'),
          h('button', { type: 'button', class: 'button', onclick: () => this.#ctx.createRoom() }, icon('plus'), 'Create a room'))));
  }

  #drawHeader() {
    const room = this.#ctx.store.rooms.get(this.#roomId);
    if (room && this.header) drawRoomHeader(this.header, this.#ctx, room);
  }

  #drawTyping() {
    const { store } = this.#ctx;
    if (!this.#typingLine || !this.#roomId) return;
    const names = store.typingIn(this.#roomId).map((id) => displayName(store.users.get(id)));
    const text = names.length === 0 ? ''
      : names.length === 1 ? `${names[0]} is typing…`
        : names.length === 2 ? `${names[0]} and ${names[1]} are typing…` : 'Several people are typing…';
    if (!text) {
      this.#typingLine.replaceChildren();
      return;
    }
    replaceChildren(this.#typingLine, h('span', { class: 'typing-dots', 'aria-hidden': 'true' }, h('i'), h('i'), h('i')), text);
  }
}
