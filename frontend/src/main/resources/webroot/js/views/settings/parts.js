// What the sections of "Your account" (and of a room's settings) share: a section's frame, a copy button, the
// box for a secret that is shown only once (a new token, recovery codes, a webhook's URL), and a list the
// server gives whose entries can be removed (tokens, webhooks).

import { h, icon, replaceChildren } from '../../dom.js';
import { confirmDialog, errorLine } from '../dialog.js';
import { failureMessage } from '../forms.js';

/** A section: its heading (the panel's label), a line saying what it is for, then its parts. */
export function section(id, title, intro, ...parts) {
  return h('section', { class: 'settings-section', 'aria-labelledby': `${id}-title` },
    h('h3', { class: 'settings-title', id: `${id}-title` }, title),
    intro ? h('p', { class: 'settings-intro' }, intro) : null,
    ...parts);
}

/** A button that copies text to the clipboard and says whether it could. */
export function copyButton(text, label = 'Copy') {
  const said = h('span', { class: 'copy-status', role: 'status' });
  const button = h('button', {
    type: 'button',
    class: 'button small',
    onclick: async () => {
      try {
        await navigator.clipboard.writeText(text);
        said.textContent = 'Copied.';
      } catch {
        said.textContent = 'Copying is not allowed here: select the text and copy it.';
      }
    },
  }, icon('copy'), label);
  return h('span', { class: 'copy' }, button, said);
}

/** A secret shown this once: what it is, the warning to keep it now, the value, and a copy button. */
export function shownOnce({ label, warning, value, copyText, copyLabel }) {
  return h('div', { class: 'shown-once', role: 'group', 'aria-label': label },
    h('p', { class: 'shown-once-warning' }, icon('key'), warning),
    value,
    copyButton(copyText, copyLabel));
}

/**
 * A list the server gives: load() fetches it again and draws each entry with item(entry, listed), where
 * listed is this {list, error, load}. what names the entries in a failure ("your tokens"); empty is said when
 * there are none.
 */
export function fetchedList(scope, { label, what, empty, fetch, item }) {
  const list = h('ul', { class: 'settings-list', 'aria-label': label, 'aria-busy': 'true' },
    h('li', { class: 'empty' }, `Loading ${what}…`));
  const error = errorLine();
  const listed = { list, error };
  listed.load = async () => {
    try {
      const entries = await fetch();
      if (!scope.current) return;
      replaceChildren(list, entries.length ? entries.map((entry) => item(entry, listed)) : h('li', { class: 'empty' }, empty));
    } catch (failure) {
      if (scope.current) error.show(`Could not load ${what}: ${failureMessage(failure)}`);
    }
    list.setAttribute('aria-busy', 'false');
  };
  return listed;
}

/** A button removing an entry of a fetchedList once the user confirms, then showing the list again. */
export function removeButton(listed, { text, label, title, question, remove }) {
  return h('button', {
    type: 'button', class: 'button small danger', 'aria-label': label,
    onclick: async () => {
      if (!await confirmDialog(title, question, text, true)) return;
      listed.error.show(null);
      try {
        await remove();
      } catch (failure) {
        listed.error.show(failureMessage(failure));
      }
      await listed.load();
    },
  }, text);
}
