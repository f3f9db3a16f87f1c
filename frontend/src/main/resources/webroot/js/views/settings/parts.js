// What the sections of "Your account" share: a section's frame, a copy button, and the box for a secret that
// is shown only once (a new token, recovery codes).

import { h, icon } from '../../dom.js';

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
