// The room on screen: its header and actions, the timeline (older history loads as you scroll up), who is
// typing, and the composer. Messages are drawn once and redrawn only when they change.

import { h, icon, replaceChildren, toast } from '../dom.js';
import { dayLabel, displayName, sameDay } from '../format.js';
import { composerView } from './composer.js';
import { editorView, messageView } from './message-view.js';
import { inviteDialog, membersDialog } from './room-dialogs.js';
import { confirmDialog } from './dialog.js';

const GROUP_WITHIN_MS = 5 * 60 * 1000;
const STICK_TO_BOTTOM_PX = 80;

export class ChatView {
  #ctx;
  #roomId = null;
  #nodes = new Map(); // key -> {node, source, grouped}
  #editing = null;
  /** What the user has typed in the open editor, kept across redraws of the message. */
  #editDraft = null;
  #composer = null;
  #list;
  #scroller;
  #top;
  #typingLine;
  #observer;
  #welcomeHadRooms = null;

  constructor(root, ctx) {
    this.#ctx = ctx;
    this.root = root;
    const { store } = ctx;
    store.addEventListener('current', () => this.show(store.currentRoomId));
    store.addEventListener('timeline', (event) => {
      if (event.detail.roomId === this.#roomId) this.#drawMessages(event.detail);
    });
    store.addEventListener('typing', (event) => {
      if (event.detail.roomId === this.#roomId || event.detail.roomId === null) this.#drawTyping();
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
    this.#nodes.clear();
    this.#editing = null;
    this.#observer?.disconnect();
    if (!room) {
      this.#drawWelcome();
      return;
    }
    this.header = h('header', { class: 'chat-head' });
    this.#top = h('div', { class: 'history-top', 'aria-live': 'polite' });
    this.#list = h('ol', { class: 'messages', 'aria-label': `Messages in ${store.roomTitle(room)}` });
    this.#scroller = h('div', { class: 'messages-scroll', tabindex: '0', role: 'log', 'aria-label': 'Messages' },
      this.#top, this.#list);
    this.#typingLine = h('div', { class: 'typing-line', 'aria-live': 'polite' });
    const title = room.type === 'direct' ? `Message ${store.roomTitle(room)}` : `Message #${room.name}`;
    this.#composer = composerView({ ...this.#ctx, roomId, placeholder: title, dropTarget: this.root });
    replaceChildren(this.root, this.header, this.#scroller, this.#typingLine, this.#composer.element);
    this.#drawHeader();
    this.#drawTyping();
    this.#drawMessages({ reset: true });
    this.#observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) this.#loadOlder();
    }, { root: this.#scroller, rootMargin: '200px 0px 0px 0px' });
    this.#observer.observe(this.#top);
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
      ? (store.isOnline(peer?.id) ? 'Online' : 'Offline')
      : [room.description, `${room.memberCount ?? 0} member${room.memberCount === 1 ? '' : 's'}`].filter(Boolean).join(' · ');
    const actions = [];
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

  /** Redraws what changed, keeping the reader's place: at the bottom, or on the same message after older ones load. */
  #drawMessages({ reset = false, older = false } = {}) {
    const { store } = this.#ctx;
    const room = store.rooms.get(this.#roomId);
    const timeline = store.timelines.get(this.#roomId);
    if (!room || !this.#list) return;
    const scroller = this.#scroller;
    const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < STICK_TO_BOTTOM_PX;
    const heightBefore = scroller.scrollHeight;
    const topBefore = scroller.scrollTop;

    const items = [...(timeline?.sorted() ?? []), ...store.outboxOf(this.#roomId)];
    const wanted = [];
    let previous = null;
    for (const message of items) {
      if (!previous || !sameDay(previous.createdAt, message.createdAt)) {
        const key = `day:${new Date(message.createdAt).toDateString()}`;
        wanted.push(this.#node(key, message.createdAt, false, () => h('li', { class: 'day-divider', role: 'separator' },
          h('span', {}, dayLabel(message.createdAt)))));
        previous = null;
      }
      const grouped = Boolean(previous && !previous.deleted && !message.deleted
        && previous.sender?.id === (message.sender?.id ?? store.me.id)
        && new Date(message.createdAt) - new Date(previous.createdAt) < GROUP_WITHIN_MS);
      const key = message.id ? `m:${message.id}` : `c:${message.clientMsgId}`;
      wanted.push(this.#node(key, this.#sourceOf(message), grouped, () => this.#messageNode(message, room, grouped)));
      previous = message.id ? message : { ...message, sender: store.me };
    }
    const keep = new Set(wanted.map((entry) => entry.node));
    for (const [key, entry] of this.#nodes) {
      if (!keep.has(entry.node)) {
        entry.node.remove();
        this.#nodes.delete(key);
      }
    }
    let cursor = this.#list.firstChild;
    for (const { node } of wanted) {
      if (node === cursor) cursor = cursor.nextSibling;
      else this.#list.insertBefore(node, cursor);
    }
    this.#drawTop(timeline);

    if (reset || (atBottom && !older)) scroller.scrollTop = scroller.scrollHeight;
    else if (older) scroller.scrollTop = topBefore + (scroller.scrollHeight - heightBefore);
    // A first page shorter than the screen leaves the top in view, where no scroll will ever happen.
    if (reset) requestAnimationFrame(() => this.#scroller === scroller && scroller.scrollTop < 200 && this.#loadOlder());
  }

  /** What a message's drawing depends on: redraw when any of it changes. */
  #sourceOf(message) {
    const { store } = this.#ctx;
    if (!message.id) return `${message.state}|${message.error ?? ''}`;
    const author = store.users.get(message.sender?.id);
    return [message.version, author?.displayName, author?.username, (store.peerRead.get(message.roomId) ?? 0) >= message.seq,
      store.deliveredLate.get(message.id) ?? '', this.#editing === message.id].join('|');
  }

  #node(key, source, grouped, build) {
    const known = this.#nodes.get(key);
    if (known && known.source === source && known.grouped === grouped) return known;
    const node = build();
    if (known) known.node.replaceWith(node);
    const entry = { node, source, grouped };
    this.#nodes.set(key, entry);
    return entry;
  }

  #messageNode(message, room, grouped) {
    const ctx = {
      ...this.#ctx,
      room,
      grouped,
      onEdit: (toEdit) => {
        this.#editing = toEdit.id;
        this.#editDraft = toEdit.text;
        this.#drawMessages();
      },
    };
    const node = messageView(message, ctx);
    if (message.id && this.#editing === message.id) {
      const text = node.querySelector('.message-text');
      const stopEditing = () => {
        this.#editing = null;
        this.#drawMessages();
        node.isConnected || this.#list.querySelector(`[data-message-id="${CSS.escape(message.id)}"]`)?.focus();
      };
      // The message is redrawn whenever it changes (a reaction, a new version): the editor keeps what was typed.
      const editor = editorView(message, {
        draft: this.#editDraft ?? message.text,
        onDraft: (value) => { this.#editDraft = value; },
        onCancel: stopEditing,
        onSave: (text) => {
          this.#ctx.client.messages.edit(message.id, text).catch((error) => toast(error.message, 'error'));
          stopEditing();
        },
      });
      if (text) text.replaceWith(editor);
      node.classList.add('editing');
    }
    return node;
  }

  #drawTop(timeline) {
    const room = this.#ctx.store.rooms.get(this.#roomId);
    if (!timeline?.loaded || timeline.oldestSeq === null) {
      replaceChildren(this.#top, h('p', { class: 'history-note' }, 'Loading messages…'));
    } else if (timeline.hasMore) {
      replaceChildren(this.#top, h('p', { class: 'history-note' }, timeline.loadingOlder ? 'Loading older messages…' : ''));
    } else {
      const title = this.#ctx.store.roomTitle(room);
      replaceChildren(this.#top, h('div', { class: 'history-start' },
        h('h2', {}, room.type === 'direct' ? title : `Welcome to #${title}`),
        h('p', {}, room.type === 'direct'
          ? `This is the beginning of your conversation with ${title}.`
          : `This is the start of #${title}.${room.description ? ` ${room.description}` : ''}`)));
    }
  }

  async #loadOlder() {
    const roomId = this.#roomId;
    try {
      const added = await this.#ctx.client.history.loadOlder(roomId);
      // Still at the top after a page (a short page, or a tall screen): keep going.
      if (added && roomId === this.#roomId && this.#scroller.scrollTop < 200) {
        requestAnimationFrame(() => this.#loadOlder());
      }
    } catch (error) {
      toast(`Could not load older messages: ${error.message}`, 'error');
    }
  }
}
