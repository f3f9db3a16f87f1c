// One message in a list: author (a webhook's name with a BOT mark), time, text (Markdown rendered to the safe
// subset, mentions highlighted), the edited mark (opening the earlier texts), the pinned mark, deleted state,
// the attachment, reactions, the thread's summary under a root, delivery state of one's own direct messages,
// and its menu (message-actions.js).

import { avatar, h, icon } from '../dom.js';
import { clockTime, displayName, fullTime, statusLabel } from '../format.js';
import { attachmentView } from './attachment-view.js';
import { editHistoryDialog } from './edit-history.js';
import { markdownFragment } from './markdown.js';
import { actionsView } from './message-actions.js';
import { highlightMentions, mentionKinds } from './mentions.js';
import { threadSummaryView } from './thread-summary.js';

/**
 * ctx: {store, client, api, room, grouped, onEdit(message), inThread?, threadRoot?}. A message from the outbox
 * (not yet stored) has no id and a `state`.
 */
export function messageView(message, ctx) {
  const { store } = ctx;
  const pending = !message.id;
  const sender = pending ? store.me : message.sender;
  const mine = !message.bot && sender?.id === store.me?.id;
  const item = h('li', {
    class: ['message', mine && 'mine', message.deleted && 'deleted', pending && 'pending', message.bot && 'bot',
      ctx.grouped && 'grouped', message.state === 'failed' && 'failed', message.pinned && !message.deleted && 'pinned'],
    dataset: pending ? { clientMsgId: message.clientMsgId } : { messageId: message.id, seq: message.seq },
    tabindex: '-1',
  });
  item.append(
    ctx.grouped ? h('span', { class: 'avatar-space', 'aria-hidden': 'true' }) : avatarOf(message, ctx, sender),
    h('div', { class: 'message-body' },
      h('div', { class: ['message-meta', ctx.grouped && 'visually-hidden'] },
        authorOf(message, ctx, sender, mine),
        h('time', { datetime: message.createdAt, title: fullTime(message.createdAt) }, clockTime(message.createdAt)),
        ctx.grouped ? null : editedMark(message, ctx)),
      message.pinned && !message.deleted ? pinnedMark(message, ctx) : null,
      message.deleted
        ? h('p', { class: 'message-text deleted-text' }, icon('trash'), 'This message was deleted.')
        : contentOf(message, ctx),
      // A message grouped under the one before has no meta line in sight: its mark goes under its text.
      ctx.grouped && message.editedAt && !message.deleted ? h('p', { class: 'edited-line' }, editedMark(message, ctx)) : null,
      message.deleted ? null : reactionsView(message, ctx),
      ctx.inThread ? null : threadSummaryView(message, ctx),
      statusView(message, ctx, mine)),
    pending || message.deleted ? null : actionsView(message, ctx, mine));
  return item;
}

/** "(edited)", opening the earlier texts. */
function editedMark(message, ctx) {
  if (!message.editedAt || message.deleted) return null;
  return h('button', {
    type: 'button', class: 'edited', 'aria-haspopup': 'dialog', title: `Edited ${fullTime(message.editedAt)}: show the earlier texts`,
    onclick: () => editHistoryDialog(ctx, message),
  }, '(edited)');
}

function avatarOf(message, ctx, sender) {
  if (message.bot) return h('span', { class: 'avatar avatar-md bot-avatar', 'aria-hidden': 'true' }, icon('bot'));
  const author = ctx.store.users.get(sender?.id) ?? sender;
  return h('button', { type: 'button', class: 'avatar-button', tabindex: '-1', 'aria-hidden': 'true',
    onclick: () => author?.id && ctx.openProfile?.(author) }, avatar(author));
}

/** The sender's name (opening their profile), status and "you"; a webhook's name with its BOT mark. */
function authorOf(message, ctx, sender, mine) {
  if (message.bot) {
    return [h('span', { class: 'author bot-name' }, displayName(sender)), h('span', { class: 'bot-tag' }, 'BOT')];
  }
  const author = ctx.store.users.get(sender?.id) ?? sender;
  return [
    h('button', { type: 'button', class: 'author', 'aria-haspopup': 'dialog',
      onclick: () => author?.id && ctx.openProfile?.(author) }, displayName(author)),
    author?.statusEmoji ? h('span', { class: 'status-emoji', title: statusLabel(author) }, author.statusEmoji) : null,
    mine ? h('span', { class: 'you-tag' }, 'you') : null,
  ];
}

function pinnedMark(message, ctx) {
  const by = message.pinned.by === ctx.store.me.id ? 'you' : displayName(ctx.store.users.get(message.pinned.by));
  return h('p', { class: 'pinned-mark', title: `Pinned ${fullTime(message.pinned.at)}` }, icon('pin'), `Pinned by ${by}`);
}

function contentOf(message, ctx) {
  return [
    message.text ? h('div', { class: 'message-text' }, textOf(message, ctx.store)) : null,
    message.attachment ? attachmentView(message.attachment, ctx.api, message.attachment.previewUrl) : null,
  ];
}

/** A message's text rendered: the safe Markdown subset, mentions highlighted. */
export function textOf(message, store) {
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

/**
 * The inline editor that replaces a message's text: Enter saves, Escape cancels. Opened, it takes the focus with
 * the caret at the end; drawn again (the message changed while it was open), it takes the caret and selection
 * the editor it replaces had (`caret`), or leaves the focus where it is when that one did not have it (null).
 */
export function editorView(message, { onSave, onCancel, draft = message.text, onDraft = () => {}, caret }) {
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
  // In a microtask: the editor is in the page by then (drawn in the same task), and no keystroke, selection or
  // redraw can come between it being shown and taking the focus (a timer could run after the user's first keys).
  const place = caret === undefined ? { start: area.value.length, end: area.value.length } : caret;
  if (place) {
    queueMicrotask(() => {
      area.focus();
      area.setSelectionRange(place.start, place.end, place.direction);
    });
  }
  return form;
}
