// A list of messages: a room's main list or a thread's replies (timeline-sources.js says which). Drawn once
// and redrawn only where it changes, older history loaded as the reader scrolls up, the reader's place kept,
// one message at a time edited in place, and a message asked for brought into view.

import { h, replaceChildren, toast } from '../dom.js';
import { dayLabel, sameDay } from '../format.js';
import { editorView, messageView } from './message-view.js';

const GROUP_WITHIN_MS = 5 * 60 * 1000;
const STICK_TO_BOTTOM_PX = 80;
/** As long as search.css's flash lasts. */
const FLASH_MS = 2000;

export class TimelineView {
  #ctx;
  #source = null;
  #nodes = new Map(); // key -> {node, source, grouped}
  #editing = null;
  /** What the user has typed in the open editor, kept across redraws of the message. */
  #editDraft = null;
  #list;
  #scroller;
  #top;
  #observer;

  constructor(ctx) {
    this.#ctx = ctx;
    ctx.store.addEventListener('timeline', (event) => {
      if (this.#source?.matches(event.detail)) this.draw(event.detail);
    });
    // A sender's new name, status or avatar, a thread's new replies: only what shows them is drawn again (#sourceOf).
    ctx.store.addEventListener('users', () => this.#source && this.draw());
    ctx.store.addEventListener('threads', () => this.#source && this.draw());
  }

  /** Starts over for another list (or none); answers the scrolling element to put on screen. */
  show(source) {
    this.#source = source;
    this.#nodes.clear();
    this.#editing = null;
    this.#observer?.disconnect();
    if (!source) return null;
    this.#top = h('div', { class: 'history-top', 'aria-live': 'polite' });
    this.#list = h('ol', { class: 'messages', 'aria-label': source.label });
    this.#scroller = h('div', { class: 'messages-scroll', tabindex: '0', role: 'log', 'aria-label': source.logLabel },
      this.#top, this.#list);
    return this.#scroller;
  }

  /** Loads older history whenever the top of the list comes near the screen. */
  watchTop() {
    this.#observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) this.#loadOlder();
    }, { root: this.#scroller, rootMargin: '200px 0px 0px 0px' });
    this.#observer.observe(this.#top);
  }

  /** Redraws what changed, keeping the reader's place: at the bottom, or on the same message after older ones load. */
  draw({ reset = false, older = false } = {}) {
    const { store } = this.#ctx;
    const source = this.#source;
    const room = source?.room();
    if (!room || !this.#list) return;
    const timeline = source.timeline();
    const scroller = this.#scroller;
    const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < STICK_TO_BOTTOM_PX;
    const heightBefore = scroller.scrollHeight;
    const topBefore = scroller.scrollTop;

    const items = [...(timeline?.sorted() ?? []), ...source.pending()];
    const wanted = [];
    let previous = null;
    for (const message of items) {
      if (!previous || !sameDay(previous.createdAt, message.createdAt)) {
        const key = `day:${new Date(message.createdAt).toDateString()}`;
        wanted.push(this.#node(key, message.createdAt, false, () => h('li', { class: 'day-divider', role: 'separator' },
          h('span', {}, dayLabel(message.createdAt)))));
        previous = null;
      }
      const grouped = Boolean(previous && !previous.deleted && !message.deleted && !previous.thread && !message.bot
        && !previous.bot && previous.sender?.id === (message.sender?.id ?? store.me.id)
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
    this.#drawTop(room, timeline);

    if (reset || (atBottom && !older)) scroller.scrollTop = scroller.scrollHeight;
    else if (older) scroller.scrollTop = topBefore + (scroller.scrollHeight - heightBefore);
    // A first page shorter than the screen leaves the top in view, where no scroll will ever happen.
    if (reset) requestAnimationFrame(() => this.#scroller === scroller && scroller.scrollTop < 200 && this.#loadOlder());
  }

  /** Scrolls the message into view, marks it for a moment and focuses it; answers whether it is shown. */
  reveal(messageId) {
    const node = this.#list?.querySelector(`[data-message-id="${CSS.escape(messageId)}"]`);
    if (!node) return false;
    node.scrollIntoView({ block: 'center' });
    node.classList.add('flash');
    setTimeout(() => node.classList.remove('flash'), FLASH_MS);
    node.focus({ preventScroll: true });
    return true;
  }

  /** What a message's drawing depends on: redraw when any of it changes. */
  #sourceOf(message) {
    const { store } = this.#ctx;
    if (!message.id) return `${message.state}|${message.error ?? ''}`;
    const author = store.users.get(message.sender?.id);
    const participants = (message.thread?.participants ?? []).map((id) => store.users.get(id)?.avatarUrl ?? id);
    return [message.version, author?.displayName, author?.username, author?.avatarUrl, author?.statusEmoji,
      author?.statusText, (store.peerRead.get(message.roomId) ?? 0) >= message.seq, participants,
      store.threads.unreadReplies(message.id), store.users.get(message.pinned?.by)?.displayName,
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
      ...this.#source.messageCtx,
      room,
      grouped,
      onEdit: (toEdit) => {
        this.#editing = toEdit.id;
        this.#editDraft = toEdit.text;
        this.draw();
      },
    };
    const node = messageView(message, ctx);
    if (message.id && this.#editing === message.id) {
      const text = node.querySelector('.message-text');
      const stopEditing = () => {
        this.#editing = null;
        this.draw();
        node.isConnected || this.#list.querySelector(`[data-message-id="${CSS.escape(message.id)}"]`)?.focus();
      };
      // The message is redrawn whenever it changes (a reaction, a new version): the editor keeps what was typed,
      // and the caret, selection and focus it had.
      const shown = this.#nodes.get(`m:${message.id}`)?.node.querySelector('.edit-input');
      const caret = !shown ? undefined : document.activeElement !== shown ? null
        : { start: shown.selectionStart, end: shown.selectionEnd, direction: shown.selectionDirection };
      const editor = editorView(message, {
        caret,
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

  #drawTop(room, timeline) {
    if (!timeline?.loaded || timeline.oldestSeq === null) {
      replaceChildren(this.#top, h('p', { class: 'history-note' }, 'Loading messages…'));
    } else if (timeline.hasMore) {
      replaceChildren(this.#top, h('p', { class: 'history-note' }, timeline.loadingOlder ? 'Loading older messages…' : ''));
    } else {
      const start = this.#source.start(room);
      if (this.#top.firstChild !== start) replaceChildren(this.#top, start);
    }
  }

  async #loadOlder() {
    const source = this.#source;
    try {
      const added = await source?.loadOlder();
      // Still at the top after a page (a short page, or a tall screen): keep going.
      if (added && source === this.#source && this.#scroller.scrollTop < 200) {
        requestAnimationFrame(() => this.#loadOlder());
      }
    } catch (error) {
      toast(`Could not load older messages: ${error.message}`, 'error');
    }
  }
}
