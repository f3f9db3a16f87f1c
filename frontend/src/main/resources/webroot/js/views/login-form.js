// The sign-in form: username and password, then, for an account with two-factor sign-in (the server answers
// totp_required), a code of the authenticator app or one of the recovery codes. A wrong code and a rate limit
// (with how long to wait) are said plainly.

import { h } from '../dom.js';
import { errorLine } from './dialog.js';
import { failureMessage, textField as field } from './forms.js';

const APP_CODE = {
  label: 'Authentication code',
  hint: 'The 6-digit code your authenticator app shows for Parley.',
  attrs: { inputmode: 'numeric', autocomplete: 'one-time-code' },
  other: 'Use a recovery code instead',
};
const RECOVERY_CODE = {
  label: 'Recovery code',
  hint: 'One of the recovery codes you saved when you turned two-factor sign-in on. Each works once.',
  attrs: { inputmode: 'text', autocomplete: 'off' },
  other: 'Use the code from your app instead',
};

/** onSignedIn(tokens) is called with the login answer. */
export function loginForm(api, onSignedIn) {
  const username = field('login-username', 'Username', { autocomplete: 'username', required: true });
  const password = field('login-password', 'Password', {
    type: 'password', autocomplete: 'current-password', required: true,
  });
  const codeLabel = h('label', { for: 'login-code' });
  const codeHint = h('p', { class: 'hint', id: 'login-code-hint' });
  const code = h('input', { id: 'login-code', name: 'login-code', type: 'text', class: 'input',
    'aria-describedby': 'login-code-hint', spellcheck: 'false' });
  const switchKind = h('button', { type: 'button', class: 'link-button', onclick: () => setKind(kind === APP_CODE ? RECOVERY_CODE : APP_CODE) });
  const back = h('button', { type: 'button', class: 'link-button', onclick: () => setStep('password') }, 'Back');
  const secondStep = h('div', { class: 'second-step', hidden: true },
    h('p', { class: 'second-step-intro' }, 'Two-factor sign-in is on for this account.'),
    h('div', { class: 'field' }, codeLabel, code, codeHint),
    h('p', { class: 'second-step-links' }, switchKind, ' · ', back));
  const error = errorLine();
  const submit = h('button', { type: 'submit', class: 'button primary wide' }, 'Sign in');
  let kind = APP_CODE;
  let step = 'password';

  const setKind = (next) => {
    kind = next;
    codeLabel.textContent = kind.label;
    codeHint.textContent = kind.hint;
    switchKind.textContent = kind.other;
    for (const [name, value] of Object.entries(kind.attrs)) code.setAttribute(name, value);
    code.value = '';
    code.focus();
  };
  const setStep = (next) => {
    step = next;
    const second = step === 'code';
    username.wrap.hidden = second;
    password.wrap.hidden = second;
    secondStep.hidden = !second;
    code.required = second;
    submit.textContent = second ? 'Verify' : 'Sign in';
    error.show(null);
    if (second) setKind(APP_CODE);
    else password.input.focus();
  };

  return h('form', {
    class: 'auth-form',
    'aria-label': 'Sign in',
    onsubmit: async (event) => {
      event.preventDefault();
      submit.disabled = true;
      error.show(null);
      try {
        const totp = step === 'code' ? code.value.trim() : undefined;
        onSignedIn(await api.login(username.input.value.trim(), password.input.value, totp));
      } catch (failure) {
        if (failure.code === 'totp_required') {
          setStep('code');
        } else if (failure.code === 'bad_totp') {
          error.show(kind === APP_CODE
            ? 'That code is not right, or it was used already. Wait for the next code in your app and try again.'
            : 'That recovery code is not right, or it was used already.');
          code.select();
        } else if (failure.code === 'bad_credentials') {
          if (step === 'code') setStep('password');
          error.show('Wrong username or password.');
        } else {
          error.show(failure.code === 'banned' ? 'This account is banned.' : failureMessage(failure));
        }
      } finally {
        submit.disabled = false;
      }
    },
  }, username.wrap, password.wrap, secondStep, error.line, submit);
}
