// The message search in the header. Ctrl+K (Cmd+K on a Mac) focuses it; results come as one types, newest
// first, grouped by room, each with its matched words marked (highlight.js); a click opens the message in its
// room (jump.js). Escape or a click elsewhere closes the results.

import { h, icon, replaceChildren } from '../dom.js';
import { clockTime, dayLabel, displayName } from '../format.js';
import { highlighted } from './highlight.js';
import { jumpToMessage } from './jump.js';

const DEBOUNCE_MS = 250;
const PAGE = 20;
const MAC = /Mac|iPhone|iPad/.test(navigator.platform);

export class SearchBox {
  #ctx;
  #input;
  #panel;
  #timer = null;
  #asked = 0;
  #query = '';
  #results = [];
  #next = null;

  constructor(ctx) {
    this.#ctx = ctx;
    this.#input = h('input', {
      type: 'search', class: 'search-input', placeholder: 'Search messages', autocomplete: 'off',
      'aria-label': 'Search messages', 'aria-keyshortcuts': 'Control+K Meta+K', 'aria-controls': 'search-results',
      enterkeyhint: 'search',
    });
    this.#panel = h('section', { class: 'search-results', id: 'search-results', 'aria-label': 'Search results', hidden: true });
    this.element = h('form', { class: 'search-bar', role: 'search', onsubmit: (event) => { event.preventDefault(); this.#run(); } },
      icon('search'), this.#input, h('kbd', { class: 'search-hint', 'aria-hidden': 'true' }, MAC ? '⌘K' : 'Ctrl K'), this.#panel);

    this.#input.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#run(), DEBOUNCE_MS);
    });
    this.element.addEventListener('keydown', (event) => this.#onKey(event));
    document.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        this.focus();
      }
    });
    document.addEventListener('pointerdown', (event) => {
      if (!this.element.contains(event.target)) this.close();
    });
  }

  focus() {
    this.#input.focus();
    this.#input.select();
    if (this.#input.value.trim() !== this.#query) this.#run();
    else if (this.#results.length || this.#query) this.#panel.hidden = false;
  }

  /** Closed for good: an answer still on its way is dropped rather than opening the results again. */
  close() {
    this.#asked++;
    clearTimeout(this.#timer);
    this.#panel.hidden = true;
  }

  #onKey(event) {
    if (event.key === 'Escape') {
      // Also when a search is still on its way with the results closed: its answer must not open them.
      const open = !this.#panel.hidden;
      this.close();
      if (open) {
        event.preventDefault();
        this.#input.focus();
      }
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const hits = [...this.#panel.querySelectorAll('button')];
      if (!hits.length || this.#panel.hidden) return;
      event.preventDefault();
      const at = hits.indexOf(document.activeElement);
      const next = event.key === 'ArrowDown' ? Math.min(at + 1, hits.length - 1) : at - 1;
      if (next < 0) this.#input.focus();
      else hits[next].focus();
    }
  }

  async #run() {
    clearTimeout(this.#timer);
    const q = this.#input.value.trim();
    const asked = ++this.#asked;
    if (!q) {
      this.#query = '';
      this.#results = [];
      this.close();
      return;
    }
    try {
      const page = await this.#ctx.api.search({ q, limit: PAGE });
      if (asked !== this.#asked) return;
      this.#query = q;
      this.#results = page.results;
      this.#next = page.next;
      this.#draw();
    } catch (error) {
      if (asked === this.#asked) this.#drawProblem(error);
    }
  }

  async #more() {
    const asked = this.#asked;
    try {
      const page = await this.#ctx.api.search({ q: this.#query, limit: PAGE, cursor: this.#next });
      if (asked !== this.#asked) return;
      this.#results = [...this.#results, ...page.results];
      this.#next = page.next;
      this.#draw();
    } catch (error) {
      this.#drawProblem(error);
    }
  }

  #draw() {
    const groups = new Map();
    for (const result of this.#results) {
      if (!groups.has(result.room.id)) groups.set(result.room.id, { room: result.room, results: [] });
      groups.get(result.room.id).results.push(result);
    }
    const count = this.#results.length;
    replaceChildren(this.#panel,
      h('p', { class: 'search-summary', role: 'status' }, count === 0 ? `No messages match “${this.#query}”.`
        : `${count}${this.#next ? '+' : ''} message${count === 1 ? '' : 's'} for “${this.#query}”`),
      [...groups.values()].map(({ room, results }) => h('div', { class: 'search-group' },
        h('h3', { class: 'search-room' }, this.#roomLabel(room)),
        h('ul', { class: 'search-hits' }, results.map((result) => h('li', {}, this.#hit(result)))))),
      this.#next && h('button', { type: 'button', class: 'button ghost small search-more', onclick: () => this.#more() },
        'More results'));
    this.#panel.hidden = false;
  }

  #hit(result) {
    const { message } = result;
    const sender = this.#ctx.store.users.get(message.sender?.id) ?? message.sender;
    return h('button', {
      type: 'button', class: 'search-hit', dataset: { messageId: message.id },
      onclick: () => {
        this.close();
        jumpToMessage(this.#ctx, result);
      },
    },
    h('span', { class: 'search-hit-meta' }, h('span', { class: 'author' }, displayName(sender)),
      h('time', { datetime: message.createdAt }, `${dayLabel(message.createdAt)} ${clockTime(message.createdAt)}`)),
    h('span', { class: 'search-hit-text' }, highlighted(result.highlight)));
  }

  #roomLabel(room) {
    const held = this.#ctx.store.rooms.get(room.id);
    if (room.type === 'direct') return held ? this.#ctx.store.roomTitle(held) : 'Direct message';
    return [icon(room.type === 'private' ? 'lock' : 'hash'), room.name];
  }

  #drawProblem(error) {
    const text = error.status === 503 ? 'Search is not available right now. Try again in a moment.'
      : error.errors?.[0] ? `Cannot search for that: ${error.errors[0].message}.` : error.message;
    replaceChildren(this.#panel, h('p', { class: 'search-summary search-problem', role: 'status' }, text));
    this.#panel.hidden = false;
  }
}
