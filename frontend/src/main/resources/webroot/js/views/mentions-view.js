// "Mentions", shown in place of a room: the messages that name the user (GET /api/users/me/mentions), newest
// first, a page at a time; each opens where it was said (in its thread for a reply).

import { avatar, h, replaceChildren, toast } from '../dom.js';
import { displayName, fullTime } from '../format.js';
import { failureMessage } from './forms.js';
import { textOf } from './message-view.js';
import { listHeader } from './threads-view.js';

const PAGE = 30;

/** Draws the list into root; answers a function that stops its updates. */
export function mentionsView(root, ctx) {
  const { store, client } = ctx;
  const list = h('ul', { class: 'mention-feed', 'aria-label': 'Messages that mention you', 'aria-busy': 'true' });
  const more = h('button', { type: 'button', class: 'button small', hidden: true, onclick: () => load() }, 'Show older mentions');
  const note = h('p', { class: 'list-empty', role: 'status' }, 'Loading mentions…');
  replaceChildren(root,
    listHeader(ctx, 'at', 'Mentions', 'Messages that name you or @room'),
    h('div', { class: 'list-scroll' }, list, note, h('div', { class: 'list-more' }, more)));
  let last = null;
  let gone = false;

  const item = ({ message, room }) => {
    const author = message.bot ? message.sender : store.users.get(message.sender?.id) ?? message.sender;
    const where = room.type === 'direct' ? displayName(author) : `#${room.name}`;
    return h('li', { class: 'mention-item', dataset: { messageId: message.id } },
      h('div', { class: 'mention-item-head' },
        avatar(author, 'sm'),
        h('span', { class: 'thread-item-author' }, displayName(author)),
        h('span', { class: 'mention-item-room' }, message.threadId ? `in a thread in ${where}` : `in ${where}`),
        h('time', { datetime: message.createdAt }, fullTime(message.createdAt)),
        h('button', {
          type: 'button', class: 'button small', 'aria-label': `Open the message in ${where}`,
          onclick: () => ctx.showMessage(message),
        }, 'Open')),
      message.deleted ? h('p', { class: 'deleted-text' }, 'This message was deleted.')
        : h('div', { class: 'message-text' }, textOf(message, store)));
  };

  async function load() {
    more.disabled = true;
    try {
      const page = await client.conversations.mentions({ before: last ?? undefined, limit: PAGE });
      if (gone) return;
      const mentions = page.mentions ?? [];
      for (const { message } of mentions) client.people.learnFrom(message);
      list.append(...mentions.map(item));
      last = mentions.at(-1)?.message.id ?? last;
      more.hidden = !page.hasMore;
      note.textContent = list.children.length ? '' : 'No one has mentioned you yet.';
      note.hidden = Boolean(list.children.length);
    } catch (failure) {
      if (!gone) toast(`Could not load your mentions: ${failureMessage(failure)}`, 'error');
    } finally {
      more.disabled = false;
      list.setAttribute('aria-busy', 'false');
    }
  }

  load();
  return () => {
    gone = true;
  };
}
