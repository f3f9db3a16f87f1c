// A message's edit history, opened from its "(edited)" mark: the earlier texts, oldest first, each with when
// an edit replaced it, then the text as it is now. Texts render as messages do (markdown.js, mentions.js).

import { h, replaceChildren } from '../dom.js';
import { fullTime } from '../format.js';
import { errorLine, openDialog } from './dialog.js';
import { failureMessage } from './forms.js';
import { markdownFragment } from './markdown.js';
import { highlightMentions, mentionKinds } from './mentions.js';

/** ctx: {store, client}; message: the message as shown. */
export function editHistoryDialog(ctx, message) {
  const { store, client } = ctx;
  const list = h('ol', { class: 'edit-history', 'aria-label': 'Versions, oldest first', 'aria-busy': 'true' },
    h('li', { class: 'empty' }, 'Loading the earlier texts…'));
  const error = errorLine();
  const version = (text, label, current = false) => h('li', { class: ['edit-version', current && 'current'] },
    h('p', { class: 'edit-version-when' }, label),
    h('div', { class: 'message-text' }, highlightMentions(markdownFragment(text), mentionKinds(message, store.me, store.users))));
  const { close } = openDialog({
    title: 'Edit history',
    className: 'dialog-list',
    body: [error.line, list],
    actions: [h('button', { type: 'button', class: 'button', onclick: () => close() }, 'Close')],
  });
  client.conversations.edits(message.id).then((edits) => {
    // Each earlier text was written when the one before it was replaced (the first: when the message was sent).
    const versions = (edits ?? []).map((edit, i) => version(edit.text,
      `${i === 0 ? 'Sent' : 'Edited'} ${fullTime(i === 0 ? message.createdAt : edits[i - 1].editedAt)}`));
    const now = version(message.text, `Now · edited ${fullTime(message.editedAt)}`, true);
    replaceChildren(list, versions, now);
  }).catch((failure) => {
    replaceChildren(list);
    error.show(`Could not load the earlier texts: ${failureMessage(failure)}`);
  }).finally(() => list.setAttribute('aria-busy', 'false'));
}
