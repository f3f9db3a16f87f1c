// Under a message that has replies: who replied (their avatars), "N replies", when the last one came, and, in a
// thread the user follows, how many of them are new. Opens the thread in the side panel.

import { avatar, h, toast } from '../dom.js';
import { clockTime, dayLabel, displayName, fullTime } from '../format.js';

const AVATARS_SHOWN = 4;

/** ctx: {store, client}; nothing for a message without replies. */
export function threadSummaryView(message, ctx) {
  const summary = message.thread;
  if (!summary?.replyCount) return null;
  const { store, client } = ctx;
  const people = (summary.participants ?? []).map((id) => store.users.get(id) ?? { id });
  const count = `${summary.replyCount} ${summary.replyCount === 1 ? 'reply' : 'replies'}`;
  const unread = store.threads.unreadReplies(message.id);
  return h('button', {
    type: 'button',
    class: ['thread-summary', unread > 0 && 'unread'],
    'aria-label': `${count}${unread ? `, ${unread} new` : ''}, last ${whenText(summary.lastReplyAt)}, from ${
      people.map(displayName).join(', ')}. Open the thread`,
    dataset: { replyCount: String(summary.replyCount) },
    onclick: () => client.threads.open(message.id, message.roomId).catch((error) => toast(error.message, 'error')),
  },
  h('span', { class: 'thread-avatars', 'aria-hidden': 'true' }, people.slice(0, AVATARS_SHOWN).map((user) => avatar(user, 'sm'))),
  h('span', { class: 'thread-count-label' }, count),
  unread > 0 ? h('span', { class: 'thread-new' }, `${unread} new`) : null,
  h('span', { class: 'thread-last', title: fullTime(summary.lastReplyAt) }, `Last reply ${whenText(summary.lastReplyAt)}`));
}

/** "today at 10:02", "yesterday at 09:15", or the weekday and date. */
export function whenText(iso) {
  if (!iso) return '';
  const day = dayLabel(iso);
  return `${day === 'Today' || day === 'Yesterday' ? day.toLowerCase() : day} at ${clockTime(iso)}`;
}
