// One message in the timeline: author, time, text (Markdown rendered to the safe subset, mentions
// highlighted), edited and deleted states, the attachment, reactions, delivery state of one's own direct
// messages, and the actions on it.

import { avatar, h, icon } from '../dom.js';
import { clockTime, displayName, fullTime, statusLabel } from '../format.js';
import { attachmentView } from './attachment-view.js';
import { pickEmoji } from './emoji-picker.js';
import { confirmDialog } from './dialog.js';
import { markdownFragment } from './markdown.js';
import { highlightMentions, mentionKinds } from './mentions.js';

/**
 * ctx: {store, client, api, room, grouped, onEdit(message)}. A message from the outbox (not yet stored)
 * has no id and a `state`.
 */
export function messageView(message, ctx) {
  const { store } = ctx;
  const pending = !message.id;
  const sender = pending ? store.me : message.sender;
  const mine = sender?.id === store.me?.id;
  const item = h('li', {
    class: ['message', mine && 'mine', message.deleted && 'deleted', pending && 'pending',
      ctx.grouped && 'grouped', message.state === 'failed' && 'failed'],
    dataset: pending ? { clientMsgId: message.clientMsgId } : { messageId: message.id, seq: message.seq },
    tabindex: '-1',
  });
  const author = store.users.get(sender?.id) ?? sender;
  const openProfile = () => author?.id && ctx.openProfile?.(author);
  item.append(
    ctx.grouped ? h('span', { class: 'avatar-space', 'aria-hidden': 'true' })
      : h('button', { type: 'button', class: 'avatar-button', tabindex: '-1', 'aria-hidden': 'true', onclick: openProfile }, avatar(author)),
    h('div', { class: 'message-body' },
      h('div', { class: ['message-meta', ctx.grouped && 'visually-hidden'] },
        h('button', { type: 'button', class: 'author', 'aria-haspopup': 'dialog', onclick: openProfile }, displayName(author)),
        author?.statusEmoji ? h('span', { class: 'status-emoji', title: statusLabel(author) }, author.statusEmoji) : null,
        mine ? h('span', { class: 'you-tag' }, 'you') : null,
        h('time', { datetime: message.createdAt, title: fullTime(message.createdAt) }, clockTime(message.createdAt)),
        message.editedAt && !message.deleted
          ? h('span', { class: 'edited', title: `Edited ${fullTime(message.editedAt)}` }, '(edited)') : null),
      message.deleted
        ? h('p', { class: 'message-text deleted-text' }, icon('trash'), 'This message was deleted.')
        : contentOf(message, ctx),
      message.deleted ? null : reactionsView(message, ctx),
      statusView(message, ctx, mine)),
    pending || message.deleted ? null : actionsView(message, ctx, mine));
  return item;
}

function contentOf(message, ctx) {
  return [
    message.text ? h('div', { class: 'message-text' }, textOf(message, ctx.store)) : null,
    message.attachment ? attachmentView(message.attachment, ctx.api, message.attachment.previewUrl) : null,
  ];
}

function textOf(message, store) {
  return highlightMentions(markdownFragment(message.text), mentionKinds(message, store.me, store.users));
}

function reactionsView(message, ctx) {
  const entries = Object.entries(message.reactions ?? {}).filter(([, users]) => users.length);
  if (!entries.length) return null;
  return h('div', { class: 'reactions', 'aria-label': 'Reactions' }, entries.map(([emoji, users]) => {
    const mineToo = users.includes(ctx.store.me.id);
    const names = users.map((id) => (id === ctx.store.me.id ? 'you' : displayName(ctx.store.users.get(id)))).join(', ');
    return h('button', {
      type: 'button',
      class: ['reaction', mineToo && 'mine'],
      'aria-pressed': String(mineToo),
      'aria-label': `${emoji} ${users.length}: ${names}. ${mineToo ? 'Remove your reaction' : 'React too'}`,
      title: names,
      dataset: { emoji },
      onclick: () => ctx.client.messages.react(message, emoji).catch(() => {}),
    }, h('span', { class: 'reaction-emoji' }, emoji), h('span', { class: 'reaction-count' }, String(users.length)));
  }));
}

/** Own messages: sending / failed everywhere; sent, delivered late and read in direct rooms. */
function statusView(message, ctx, mine) {
  if (!message.id) {
    if (message.state === 'failed') {
      return h('p', { class: 'message-status failed' }, `Not sent: ${message.error ?? 'refused'}. `,
        h('button', { type: 'button', class: 'link-button', onclick: () => ctx.client.outbox.retry(message.clientMsgId) }, 'Retry'),
        ' · ',
        h('button', { type: 'button', class: 'link-button', onclick: () => ctx.client.outbox.discard(message.clientMsgId) }, 'Discard'));
    }
    return h('p', { class: 'message-status sending' }, icon('clock'), 'Sending…');
  }
  if (!mine || ctx.room?.type !== 'direct' || message.deleted) return null;
  const readUpTo = ctx.store.peerRead.get(message.roomId) ?? 0;
  const lateAt = ctx.store.deliveredLate.get(message.id);
  if (readUpTo >= message.seq) {
    return h('p', { class: 'message-status read', dataset: { state: 'read' } }, icon('check-double'), 'Read');
  }
  if (lateAt) {
    return h('p', { class: 'message-status late', dataset: { state: 'delivered-late' }, title: fullTime(lateAt) },
      icon('check'), `Delivered late · ${clockTime(lateAt)}`);
  }
  return h('p', { class: 'message-status sent', dataset: { state: 'sent' } }, icon('check'), 'Sent');
}

function actionsView(message, ctx, mine) {
  const react = h('button', {
    type: 'button', class: 'icon-button', 'aria-label': 'Add reaction', title: 'Add reaction',
    onclick: () => pickEmoji(react, (emoji) => ctx.client.messages.react(message, emoji).catch(() => {})),
  }, icon('smile'));
  const canDelete = mine || ctx.store.me.role === 'admin';
  return h('div', { class: 'message-actions', role: 'toolbar', 'aria-label': 'Message actions' },
    react,
    mine ? h('button', {
      type: 'button', class: 'icon-button', 'aria-label': 'Edit message', title: 'Edit',
      onclick: () => ctx.onEdit(message),
    }, icon('edit')) : null,
    canDelete ? h('button', {
      type: 'button', class: 'icon-button danger', 'aria-label': 'Delete message', title: 'Delete',
      onclick: async () => {
        if (await confirmDialog('Delete message', 'Delete this message for everyone? This cannot be undone.', 'Delete', true)) {
          ctx.client.messages.remove(message.id).catch(() => {});
        }
      },
    }, icon('trash')) : null);
}

/** The inline editor that replaces a message's text: Enter saves, Escape cancels. */
export function editorView(message, { onSave, onCancel, draft = message.text, onDraft = () => {} }) {
  const area = h('textarea', { class: 'input edit-input', 'aria-label': 'New text of the message', rows: '2', value: draft });
  area.addEventListener('input', () => onDraft(area.value));
  const save = () => {
    const text = area.value.trim();
    if (!text || text === message.text) onCancel();
    else onSave(text);
  };
  area.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  });
  const form = h('form', { class: 'edit-form', onsubmit: (event) => { event.preventDefault(); save(); } },
    area,
    h('div', { class: 'edit-buttons' },
      h('span', { class: 'hint' }, 'Enter to save · Esc to cancel'),
      h('button', { type: 'button', class: 'button small', onclick: onCancel }, 'Cancel'),
      h('button', { type: 'submit', class: 'button small primary' }, 'Save')));
  setTimeout(() => {
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
  }, 0);
  return form;
}
