// The "@" autocomplete of a composer: typing @ and the start of a name lists the room's members whose username
// or display name begins so (and @room, where the server would take it: not in a direct room, nor in one of
// more than 100 members). Arrow keys move, Enter or Tab picks, Escape closes; the text field keeps the focus
// and names the option in view through aria-activedescendant.

import { avatar, h, icon, replaceChildren } from '../dom.js';
import { displayName } from '../format.js';

/** The @name being typed just before the caret: "@" not glued to a word, then the start of a name. */
const TYPING = /(?:^|[^A-Za-z0-9_.@-])@([A-Za-z0-9_.-]{0,32})$/;
const SHOWN = 8;
const ROOM_MENTION_LIMIT = 100;
let lists = 0;

/** input: the composer's textarea; anchor: the element the list shows above. Answers {handleKey(event), close()}. */
export function mentionAutocomplete(input, anchor, { store, api, roomId }) {
  const id = `mention-list-${++lists}`;
  const list = h('ul', { class: 'mention-list', id, role: 'listbox', 'aria-label': 'People to mention', hidden: true });
  anchor.append(list);
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', id);
  let members = null;
  /** The room's member count when they were fetched: someone joining or leaving fetches them again. */
  let fetchedAt = null;
  let loading = null;
  let options = [];
  let active = 0;
  let typed = null; // {start, query}: where the @name being typed begins

  const load = () => {
    fetchedAt = store.rooms.get(roomId)?.memberCount;
    loading ??= api.room(roomId).then((room) => { members = room.members ?? []; }, () => { members = []; })
      .finally(() => { loading = null; });
    return loading;
  };

  const candidates = (query) => {
    const q = query.toLowerCase();
    const starts = (text) => String(text ?? '').toLowerCase().split(/\s+/).some((word) => word.startsWith(q));
    const people = (members ?? [])
      .filter((member) => member.id !== store.me.id)
      .map((member) => ({ ...member, ...pick(store.users.get(member.id)) }))
      .filter((member) => member.username.toLowerCase().startsWith(q) || starts(member.displayName))
      .sort((a, b) => a.username.localeCompare(b.username))
      .slice(0, SHOWN)
      .map((member) => ({ name: member.username, user: member }));
    const room = store.rooms.get(roomId);
    const everyone = room && room.type !== 'direct' && (room.memberCount ?? 0) <= ROOM_MENTION_LIMIT && 'room'.startsWith(q);
    return everyone ? [...people, { name: 'room' }] : people;
  };

  const draw = () => {
    if (!options.length) {
      close();
      return;
    }
    list.hidden = false;
    replaceChildren(list, options.map((option, i) => h('li', {
      id: `${id}-${i}`,
      role: 'option',
      class: ['mention-option', i === active && 'active'],
      'aria-selected': String(i === active),
      dataset: { name: option.name },
      onmousedown: (event) => event.preventDefault(), // keeps the focus in the text field
      onclick: () => choose(i),
    }, option.user ? avatar(option.user, 'sm') : h('span', { class: 'mention-room-icon' }, icon('at')),
    h('span', { class: 'mention-option-name' }, option.user ? displayName(option.user) : '@room'),
    h('span', { class: 'mention-option-detail' }, option.user ? `@${option.user.username}` : 'Everyone in this room'))));
    input.setAttribute('aria-activedescendant', `${id}-${active}`);
    list.children[active]?.scrollIntoView({ block: 'nearest' });
  };

  const update = async () => {
    const before = input.value.slice(0, input.selectionStart ?? input.value.length);
    const match = input.selectionStart === input.selectionEnd ? TYPING.exec(before) : null;
    if (!match) {
      close();
      return;
    }
    typed = { start: before.length - match[1].length - 1, query: match[1] };
    if (!members || fetchedAt !== store.rooms.get(roomId)?.memberCount) await load();
    if (!typed || input.value.slice(typed.start, typed.start + 1 + typed.query.length) !== `@${typed.query}`) return;
    options = candidates(typed.query);
    active = Math.min(active, Math.max(0, options.length - 1));
    draw();
  };

  const choose = (index) => {
    const option = options[index];
    if (!option || !typed) return;
    const end = typed.start + 1 + typed.query.length;
    const inserted = `@${option.name} `;
    input.value = input.value.slice(0, typed.start) + inserted + input.value.slice(end);
    const caret = typed.start + inserted.length;
    input.setSelectionRange(caret, caret);
    close();
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };

  function close() {
    typed = null;
    options = [];
    active = 0;
    list.hidden = true;
    list.replaceChildren();
    input.removeAttribute('aria-activedescendant');
  }

  input.addEventListener('input', update);
  input.addEventListener('click', update);
  input.addEventListener('blur', () => setTimeout(close, 0));

  return {
    /** Takes the keys the open list answers to; answers whether it took this one. */
    handleKey(event) {
      if (list.hidden || !options.length || event.isComposing) return false;
      const moves = { ArrowDown: 1, ArrowUp: -1 };
      if (event.key in moves) {
        active = (active + moves[event.key] + options.length) % options.length;
        draw();
      } else if (event.key === 'Enter' || event.key === 'Tab') {
        choose(active);
      } else if (event.key === 'Escape') {
        close();
        event.stopPropagation();
      } else {
        return false;
      }
      event.preventDefault();
      return true;
    },
    close,
  };
}

/** What a whole user record adds to a member's {id, username, displayName}: a newer name and the avatar. */
function pick(user) {
  if (!user?.username) return {};
  const { displayName: name, hasAvatar, avatarUrl } = user;
  return { displayName: name, hasAvatar, avatarUrl };
}
