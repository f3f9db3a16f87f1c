// A message's menu: the toolbar that shows on hover or focus, to react, reply in a thread, pin or unpin, edit
// (one's own) and delete (one's own, or any for an admin).

import { h, icon, toast } from '../dom.js';
import { confirmDialog } from './dialog.js';
import { pickEmoji } from './emoji-picker.js';

/** ctx: {store, client, inThread?, threadRoot?, onEdit?(message)}; mine: whether this user sent it. */
export function actionsView(message, ctx, mine) {
  const { client, store } = ctx;
  const react = h('button', {
    type: 'button', class: 'icon-button', 'aria-label': 'Add reaction', title: 'Add reaction',
    onclick: () => pickEmoji(react, (emoji) => client.messages.react(message, emoji).catch(() => {})),
  }, icon('smile'));
  const canReply = !ctx.inThread && !message.threadId;
  const canEdit = mine && !message.bot && !ctx.threadRoot && ctx.onEdit;
  const canDelete = mine || store.me.role === 'admin';
  const pinned = Boolean(message.pinned);
  return h('div', { class: 'message-actions', role: 'toolbar', 'aria-label': 'Message actions' },
    react,
    canReply ? h('button', {
      type: 'button', class: 'icon-button', 'aria-label': 'Reply in thread', title: 'Reply in thread',
      onclick: () => client.threads.open(message.id, message.roomId).catch((error) => toast(error.message, 'error')),
    }, icon('thread')) : null,
    h('button', {
      type: 'button', class: 'icon-button', 'aria-label': pinned ? 'Unpin message' : 'Pin message',
      title: pinned ? 'Unpin' : 'Pin',
      onclick: () => client.messages.pin(message, !pinned).catch((error) => toast(error.message, 'error')),
    }, icon('pin')),
    canEdit ? h('button', {
      type: 'button', class: 'icon-button', 'aria-label': 'Edit message', title: 'Edit',
      onclick: () => ctx.onEdit(message),
    }, icon('edit')) : null,
    canDelete ? h('button', {
      type: 'button', class: 'icon-button danger', 'aria-label': 'Delete message', title: 'Delete',
      onclick: async () => {
        if (await confirmDialog('Delete message', 'Delete this message for everyone? This cannot be undone.', 'Delete', true)) {
          client.messages.remove(message.id).catch(() => {});
        }
      },
    }, icon('trash')) : null);
}
