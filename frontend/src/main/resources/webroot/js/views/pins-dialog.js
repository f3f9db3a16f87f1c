// A room's pinned messages, opened from its header, the latest pinned first; each jumps to the message in the
// room (history before it loaded as needed), or in its thread for a reply.

import { avatar, h, replaceChildren } from '../dom.js';
import { displayName, fullTime } from '../format.js';
import { errorLine, openDialog } from './dialog.js';
import { failureMessage } from './forms.js';
import { textOf } from './message-view.js';

export function pinsDialog(ctx, room) {
  const { store, client } = ctx;
  const list = h('ul', { class: 'pick-list pins-list', 'aria-label': 'Pinned messages', 'aria-busy': 'true' },
    h('li', { class: 'empty' }, 'Loading pinned messages…'));
  const error = errorLine();
  const title = room.type === 'direct' ? `Pinned with ${store.roomTitle(room)}` : `Pinned in #${room.name}`;
  const { close } = openDialog({ title, className: 'dialog-list', body: [error.line, list] });

  const item = (message) => {
    const author = message.bot ? message.sender : store.users.get(message.sender?.id) ?? message.sender;
    const pinner = message.pinned?.by === store.me.id ? 'you' : displayName(store.users.get(message.pinned?.by));
    return h('li', { class: 'pin-item', dataset: { messageId: message.id } },
      h('div', { class: 'pin-item-head' },
        avatar(author, 'sm'),
        h('span', { class: 'thread-item-author' }, displayName(author)),
        h('time', { datetime: message.createdAt }, fullTime(message.createdAt)),
        h('button', {
          type: 'button', class: 'button small', 'aria-label': `Jump to the message from ${displayName(author)}`,
          onclick: () => {
            close();
            ctx.showMessage(message);
          },
        }, 'Jump')),
      message.deleted ? h('p', { class: 'deleted-text' }, 'This message was deleted.')
        : h('div', { class: 'message-text' }, textOf(message, store)),
      h('p', { class: 'pin-item-by' }, `Pinned by ${pinner} · ${fullTime(message.pinned?.at)}`));
  };

  client.conversations.pins(room.id).then((answer) => {
    const messages = answer.messages ?? [];
    for (const message of messages) client.people.learnFrom(message);
    replaceChildren(list, messages.length ? messages.map(item)
      : h('li', { class: 'empty' }, 'Nothing is pinned yet. Pin a message from its menu to keep it here.'));
  }).catch((failure) => {
    replaceChildren(list);
    error.show(`Could not load the pinned messages: ${failureMessage(failure)}`);
  }).finally(() => list.setAttribute('aria-busy', 'false'));
}
