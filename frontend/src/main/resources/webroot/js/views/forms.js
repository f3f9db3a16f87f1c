// Form fields, and the server's problem documents shown where they belong: each field's message under that
// field (marked aria-invalid and described by it), the rest in the form's error line; a rate limit says how
// long to wait.

import { h } from '../dom.js';
import { waitText } from '../format.js';

/** A labelled text input (attrs as h() takes them), with whatever follows it: {wrap, input}. */
export function textField(id, label, attrs, ...after) {
  const input = h('input', { id, name: id, type: 'text', class: 'input', ...attrs });
  const wrap = h('div', { class: 'field' }, h('label', { for: id }, label), input, ...after);
  return { input, wrap };
}

/** A labelled input with an error line of its own: {wrap, input, showError(message|null)}. */
export function checkedField(id, label, input, ...after) {
  input.id = id;
  input.classList.add('input');
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const describedBy = [input.getAttribute('aria-describedby'), error.id].filter(Boolean).join(' ');
  input.setAttribute('aria-describedby', describedBy);
  const wrap = h('div', { class: 'field' }, h('label', { for: id }, label), input, ...after, error);
  return {
    wrap,
    input,
    showError(message) {
      error.textContent = message ? sentence(message) : '';
      error.hidden = !message;
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    },
  };
}

/**
 * Shows a failure: each of the problem's field errors at the field of that name in `fields` ({name: field}),
 * the rest (or the problem's own words) through showGeneral(message); null clears them all. Answers whether
 * a field took one.
 */
export function showProblem(failure, fields, showGeneral) {
  for (const field of Object.values(fields)) field.showError(null);
  if (!failure) {
    showGeneral(null);
    return false;
  }
  const unplaced = [];
  let placed = false;
  for (const { field, message } of failure?.errors ?? []) {
    const target = fields[field];
    if (target) {
      target.showError(message);
      placed = true;
    } else {
      unplaced.push(`${field} ${message}`);
    }
  }
  showGeneral(unplaced.length ? sentence(unplaced.join('; ')) : placed ? null : failureMessage(failure));
  return placed;
}

/** What to tell the user about a failed call: a rate limit with its wait, else the server's own words. */
export function failureMessage(failure) {
  if (failure?.code === 'rate_limited' || failure?.status === 429) {
    return failure.retryAfter != null
      ? `Too many attempts. Try again ${waitText(failure.retryAfter)}.`
      : 'Too many attempts. Try again later.';
  }
  return failure?.message ?? 'Something went wrong.';
}

function sentence(text) {
  const trimmed = String(text).trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
