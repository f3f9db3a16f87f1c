// Sign in (login-form.js) and sign up (sign-up shows each password rule and ticks it off as it is met), and
// the page a banned user is left on.

import { h, icon, replaceChildren } from '../dom.js';
import { USERNAME_PATTERN } from '../password-rules.js';
import { failureMessage, textField as field } from './forms.js';
import { loginForm } from './login-form.js';
import { breaksARule, passwordRulesView } from './password-rules-view.js';

/** Renders into root; onSignedIn(tokens) is called with the login answer. */
export function renderAuth(root, { api, onSignedIn, notice }) {
  document.title = 'Parley';
  let mode = 'login';

  const draw = () => {
    const form = mode === 'login' ? loginForm(api, onSignedIn) : signupForm();
    replaceChildren(root, h('main', { class: 'auth' },
      h('div', { class: 'auth-card' },
        h('div', { class: 'auth-brand' }, h('span', { class: 'logo' }, icon('logo')), h('span', {}, 'Parley')),
        h('h1', { class: 'auth-title' }, mode === 'login' ? 'Sign in to Parley' : 'Create your account'),
        notice ? h('p', { class: 'auth-notice', role: 'alert' }, notice) : null,
        form,
        h('p', { class: 'auth-switch' },
          mode === 'login' ? 'New to Parley? ' : 'Already have an account? ',
          h('button', {
            type: 'button',
            class: 'link-button',
            onclick: () => {
              mode = mode === 'login' ? 'signup' : 'login';
              notice = null;
              draw();
            },
          }, mode === 'login' ? 'Create an account' : 'Sign in')))));
    form.querySelector('input')?.focus();
  };

  const signupForm = () => {
    const username = field('signup-username', 'Username', {
      autocomplete: 'username', required: true, minlength: 3, maxlength: 32, pattern: '[A-Za-z0-9_.\\-]{3,32}',
      'aria-describedby': 'signup-username-hint',
    }, h('p', { class: 'hint', id: 'signup-username-hint' }, '3–32 letters, digits, dots, dashes or underscores.'));
    const displayName = field('signup-display-name', 'Display name (optional)', { autocomplete: 'name', maxlength: 64 });
    const rules = passwordRulesView('password-rules');
    const password = field('signup-password', 'Password', {
      type: 'password', autocomplete: 'new-password', required: true, 'aria-describedby': 'password-rules',
    }, rules.list);
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const submit = h('button', { type: 'submit', class: 'button primary wide' }, 'Create account');

    const showRules = (serverBroken = []) => rules.show(password.input.value, username.input.value.trim(), serverBroken);
    password.input.addEventListener('input', () => showRules());
    username.input.addEventListener('input', () => showRules());
    showRules();

    return h('form', {
      class: 'auth-form',
      'aria-label': 'Create an account',
      onsubmit: async (event) => {
        event.preventDefault();
        error.hidden = true;
        const name = username.input.value.trim();
        if (!USERNAME_PATTERN.test(name)) {
          error.textContent = 'Usernames are 3–32 letters, digits, dots, dashes or underscores.';
          error.hidden = false;
          return;
        }
        if (breaksARule(password.input.value, name)) {
          error.textContent = 'The password does not meet every rule yet.';
          error.hidden = false;
          return;
        }
        submit.disabled = true;
        try {
          await api.register({ username: name, password: password.input.value,
            ...(displayName.input.value.trim() ? { displayName: displayName.input.value.trim() } : {}) });
          onSignedIn(await api.login(name, password.input.value));
        } catch (failure) {
          showRules(rules.brokenByServer(failure));
          error.textContent = failure.code === 'username_taken' ? 'That username is taken.'
            : failure.errors.length ? failure.errors.map((e) => `${e.field} ${e.message}`).join('; ')
              : failureMessage(failure);
          error.hidden = false;
          submit.disabled = false;
        }
      },
    }, username.wrap, displayName.wrap, password.wrap, error, submit);
  };

  draw();
}

/** What a user whose account was banned sees, in place of the app; onBack() goes to sign in. */
export function renderBanned(root, onBack) {
  document.title = 'Parley';
  replaceChildren(root, h('main', { class: 'auth' }, h('div', { class: 'auth-card', role: 'alert' },
    h('div', { class: 'auth-brand' }, h('span', { class: 'logo' }, icon('logo')), h('span', {}, 'Parley')),
    h('h1', { class: 'auth-title' }, 'This account is banned'),
    h('p', {}, 'An administrator has banned this account. You have been signed out.'),
    h('button', { type: 'button', class: 'button primary wide', onclick: onBack }, 'Back to sign in'))));
}
