// Modal dialogs on the native <dialog> element: focus is trapped and Escape closes, by the browser itself.

import { h, icon } from '../dom.js';

let dialogCount = 0;

/**
 * Opens a modal. body: nodes; actions: nodes for the footer. Answers {dialog, close}. The dialog removes
 * itself when closed and gives focus back to what had it.
 */
export function openDialog({ title, body, actions = [], className = '' }) {
  const titleId = `dialog-title-${++dialogCount}`;
  const opener = document.activeElement;
  const close = () => dialog.close();
  const dialog = h('dialog', { class: ['dialog', className], 'aria-labelledby': titleId },
    h('div', { class: 'dialog-head' },
      h('h2', { id: titleId }, title),
      h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Close', onclick: close }, icon('x'))),
    h('div', { class: 'dialog-body' }, body),
    actions.length ? h('div', { class: 'dialog-actions' }, actions) : null);
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  });
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) close();
  });
  document.body.append(dialog);
  dialog.showModal();
  return { dialog, close };
}

/** Asks a yes/no question; answers true when confirmed. */
export function confirmDialog(title, question, confirmLabel, danger = false) {
  return new Promise((resolve) => {
    let answer = false;
    const confirm = h('button', {
      type: 'button', class: ['button', danger ? 'danger' : 'primary'],
      onclick: () => { answer = true; close(); },
    }, confirmLabel);
    const { dialog, close } = openDialog({
      title,
      body: h('p', {}, question),
      actions: [h('button', { type: 'button', class: 'button', onclick: () => close() }, 'Cancel'), confirm],
    });
    dialog.addEventListener('close', () => resolve(answer));
    confirm.focus();
  });
}

/** A labelled form field: {wrap, input}. */
export function formField(id, label, input, hint) {
  input.id = id;
  if (hint) input.setAttribute('aria-describedby', `${id}-hint`);
  return {
    input,
    wrap: h('div', { class: 'field' }, h('label', { for: id }, label), input,
      hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null),
  };
}

/** A form's error line, shown with a message or hidden with null. */
export function errorLine() {
  const line = h('p', { class: 'form-error', role: 'alert', hidden: true });
  return {
    line,
    show(message) {
      line.textContent = message ?? '';
      line.hidden = !message;
    },
  };
}
