// The room on screen: its header and actions, the messages (timeline-view.js), who is typing, and the
// composer; or a welcome when no room is open.

import { h, icon, replaceChildren, toast } from '../dom.js';
import { displayName, statusLabel } from '../format.js';
import { composerView } from './composer.js';
import { inviteDialog, membersDialog } from './room-dialogs.js';
import { confirmDialog } from './dialog.js';
import { TimelineView } from './timeline-view.js';

export class ChatView {
  #ctx;
  #roomId = null;
  #timeline;
  #composer = null;
  #typingLine;
  #welcomeHadRooms = null;

  constructor(root, ctx) {
    this.#ctx = ctx;
    this.root = root;
    const { store } = ctx;
    store.addEventListener('current', () => this.show(store.currentRoomId));
    this.#timeline = new TimelineView(ctx);
    store.addEventListener('typing', (event) => {
      if (event.detail.roomId === this.#roomId) this.#drawTyping();
    });
    store.addEventListener('users', () => this.#roomId && this.#drawHeader());
    store.addEventListener('presence', () => this.#roomId && this.#drawHeader());
    store.addEventListener('members', (event) => event.detail.roomId === this.#roomId && this.#drawHeader());
    store.addEventListener('rooms', () => {
      if (this.#roomId) this.#drawHeader();
      else if (this.#welcomeHadRooms !== store.rooms.size > 0) this.#drawWelcome();
    });
    this.show(null);
  }

  show(roomId) {
    const { store } = this.#ctx;
    const room = roomId ? store.rooms.get(roomId) : null;
    if (roomId === this.#roomId && room) return;
    this.#roomId = room ? roomId : null;
    const messages = this.#timeline.show(this.#roomId, room);
    if (!room) {
      this.#drawWelcome();
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
    const { store, client } = this.#ctx;
    const room = store.rooms.get(this.#roomId);
    if (!room || !this.header) return;
    const direct = room.type === 'direct';
    const peer = direct ? store.peerOf(room) : null;
    const titleIcon = direct ? h('span', { class: ['presence-dot', store.isOnline(peer?.id) ? 'online' : 'offline'], 'aria-hidden': 'true' })
      : icon(room.type === 'private' ? 'lock' : 'hash');
    const topic = direct
      ? [store.isOnline(peer?.id) ? 'Online' : 'Offline', statusLabel(store.users.get(peer?.id))].filter(Boolean).join(' · ')
      : [room.description, `${room.memberCount ?? 0} member${room.memberCount === 1 ? '' : 's'}`].filter(Boolean).join(' · ');
    const actions = [];
    if (direct && peer) {
      actions.push(h('button', {
        type: 'button', class: 'button ghost small', 'aria-haspopup': 'dialog', onclick: () => this.#ctx.openProfile(peer),
      }, icon('user'), h('span', { class: 'label' }, 'Profile')));
    }
    if (!direct) {
      actions.push(h('button', {
        type: 'button', class: 'button ghost small', 'aria-label': 'Show members',
        onclick: () => membersDialog(this.#ctx, room),
      }, icon('users'), h('span', { class: 'count' }, String(room.memberCount ?? 0))));
      if (room.type === 'private') {
        actions.push(h('button', {
          type: 'button', class: 'button ghost small', onclick: () => inviteDialog(this.#ctx, room),
        }, icon('user-plus'), h('span', { class: 'label' }, 'Invite')));
      }
      actions.push(h('button', {
        type: 'button', class: 'button ghost small',
        onclick: async () => {
          if (!await confirmDialog('Leave room', `Leave #${room.name}?`, 'Leave')) return;
          try {
            await client.rooms.leave(room.id);
            toast(`You left #${room.name}.`);
          } catch (error) {
            toast(error.message, 'error');
          }
        },
      }, icon('logout'), h('span', { class: 'label' }, 'Leave')));
    }
    replaceChildren(this.header,
      this.#ctx.menuButton(),
      h('div', { class: 'chat-heading' },
        h('h1', { class: 'chat-title', id: 'chat-title' }, titleIcon, h('span', {}, store.roomTitle(room))),
        h('p', { class: 'chat-topic' }, topic)),
      h('div', { class: 'chat-actions' }, actions));
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
