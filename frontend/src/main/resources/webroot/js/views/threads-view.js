// "Threads", shown in place of a room: the threads the user follows (started, replied in, was named in,
// opened), the latest reply first, each with its room, its root, who replied and how many replies are new.
// Kept live by the store's `threads` events; a thread opens beside its room.

import { avatar, h, icon, replaceChildren } from '../dom.js';
import { clockTime, displayName, fullTime } from '../format.js';
import { textOf } from './message-view.js';
import { threadSummaryView } from './thread-summary.js';

/** Draws the list into root; answers a function that stops its updates. */
export function threadsView(root, ctx) {
  const { store } = ctx;
  const list = h('ul', { class: 'thread-list', 'aria-label': 'Threads you follow', 'aria-live': 'polite' });
  replaceChildren(root,
    listHeader(ctx, 'thread', 'Threads', 'Threads you started, replied in or were mentioned in'),
    h('div', { class: 'list-scroll' }, list));

  const draw = () => {
    const threads = store.threads.followedWithReplies().filter(({ roomId }) => store.rooms.has(roomId));
    if (!threads.length) {
      replaceChildren(list, h('li', { class: 'list-empty' }, store.threads.listed
        ? 'No threads yet. Use "Reply in thread" on a message to start one.' : 'Loading threads…'));
      return;
    }
    replaceChildren(list, threads.map(({ root, roomId, unreadReplies }) => {
      const room = store.rooms.get(roomId);
      const author = store.users.get(root.sender?.id) ?? root.sender;
      return h('li', { class: ['thread-item', unreadReplies > 0 && 'unread'], dataset: { rootId: root.id } },
        h('p', { class: 'thread-item-room' }, icon(room.type === 'private' ? 'lock' : room.type === 'direct' ? 'user' : 'hash'),
          h('span', {}, store.roomTitle(room))),
        h('div', { class: 'thread-item-root' },
          avatar(root.bot ? root.sender : author, 'sm'),
          h('span', { class: 'thread-item-author' }, displayName(root.bot ? root.sender : author)),
          h('time', { datetime: root.createdAt, title: fullTime(root.createdAt) }, clockTime(root.createdAt))),
        root.deleted ? h('p', { class: 'thread-item-text deleted-text' }, 'This message was deleted.')
          : h('div', { class: 'thread-item-text message-text' }, textOf(root, store)),
        threadSummaryView(root, ctx));
    }));
  };
  const events = ['threads', 'users', 'rooms'];
  for (const type of events) store.addEventListener(type, draw);
  draw();
  return () => {
    for (const type of events) store.removeEventListener(type, draw);
  };
}

/** The header of a list shown in place of a room: the sidebar's menu button, an icon, a title and a line. */
export function listHeader(ctx, iconName, title, line) {
  return h('header', { class: 'chat-head' }, ctx.menuButton(),
    h('div', { class: 'chat-heading' },
      h('h1', { class: 'chat-title', id: 'chat-title' }, icon(iconName), h('span', {}, title)),
      h('p', { class: 'chat-topic' }, line)));
}
