// What a TimelineView lists: a room's main list (top-level messages only), or a thread's replies under its
// root. Each says which store events concern it, where its messages and unsent ones are, how to fetch older
// ones, and what to show at the start once everything is loaded.

import { h } from '../dom.js';
import { messageView } from './message-view.js';

export function roomSource(ctx, room) {
  const { store, client } = ctx;
  const roomId = room.id;
  const start = cached((current) => [store.roomTitle(current), current.description, current.type], (current) => {
    const title = store.roomTitle(current);
    return h('div', { class: 'history-start' },
      h('h2', {}, current.type === 'direct' ? title : `Welcome to #${title}`),
      h('p', {}, current.type === 'direct'
        ? `This is the beginning of your conversation with ${title}.`
        : `This is the start of #${title}.${current.description ? ` ${current.description}` : ''}`));
  });
  return {
    label: `Messages in ${store.roomTitle(room)}`,
    logLabel: 'Messages',
    messageCtx: {},
    matches: (detail) => detail.roomId === roomId && !detail.threadId,
    room: () => store.rooms.get(roomId),
    timeline: () => store.timelines.get(roomId),
    pending: () => store.outboxOf(roomId),
    loadOlder: () => client.history.loadOlder(roomId),
    start,
  };
}

/** A thread's replies; its root heads the list once the oldest reply is loaded. */
export function threadSource(ctx, rootId, roomId) {
  const { store, client } = ctx;
  const rootOf = () => store.threads.root(rootId);
  const start = cached(() => {
    const root = rootOf();
    const author = store.users.get(root?.sender?.id);
    return [root?.version, author?.displayName, author?.avatarUrl];
  }, (room) => {
    const root = rootOf();
    if (!root) return h('p', { class: 'history-note' }, 'Loading the thread…');
    const count = root.thread?.replyCount ?? 0;
    return h('div', { class: 'thread-start' },
      h('ol', { class: 'messages', 'aria-label': 'The message this thread replies to' },
        messageView(root, { ...ctx, room, grouped: false, inThread: true, threadRoot: true })),
      h('p', { class: 'thread-count', role: 'separator' },
        h('span', {}, count === 0 ? 'No replies yet' : `${count} ${count === 1 ? 'reply' : 'replies'}`)));
  });
  return {
    label: 'Replies',
    logLabel: 'Thread',
    messageCtx: { inThread: true },
    matches: (detail) => detail.threadId === rootId,
    room: () => store.rooms.get(roomId),
    timeline: () => store.threads.heldReplies(rootId),
    pending: () => store.outboxOf(roomId, rootId),
    loadOlder: () => client.history.loadOlderReplies(rootId, roomId),
    start,
  };
}

/** A node built again only when what it shows (keyOf's answer) changed. */
function cached(keyOf, build) {
  let key = null;
  let node = null;
  return (room) => {
    const next = JSON.stringify(keyOf(room));
    if (next !== key || !node) {
      key = next;
      node = build(room);
    }
    return node;
  };
}
