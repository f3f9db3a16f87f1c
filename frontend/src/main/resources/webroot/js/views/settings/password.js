// Password: the current one and a new one, whose rules are ticked off as sign-up does. A change signs every
// other session out (the server ends them), which the page says.

import { h } from '../../dom.js';
import { errorLine } from '../dialog.js';
import { breaksARule, passwordRulesView } from '../password-rules-view.js';
import { checkedField, failureMessage, showProblem } from '../forms.js';
import { section } from './parts.js';

export function passwordSection({ account, store }, scope) {
  const rules = passwordRulesView('new-password-rules');
  const fields = {
    currentPassword: checkedField('current-password', 'Current password',
      h('input', { type: 'password', autocomplete: 'current-password', required: true })),
    newPassword: checkedField('new-password', 'New password',
      h('input', { type: 'password', autocomplete: 'new-password', required: true, 'aria-describedby': 'new-password-rules' }),
      rules.list),
  };
  const username = store.me.username;
  const showRules = (serverBroken) => rules.show(fields.newPassword.input.value, username, serverBroken);
  fields.newPassword.input.addEventListener('input', () => showRules());
  showRules();

  const error = errorLine();
  const done = h('p', { class: 'form-saved', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Change password');
  const form = h('form', {
    class: 'settings-form',
    'aria-label': 'Change password',
    onsubmit: async (event) => {
      event.preventDefault();
      done.textContent = '';
      showProblem(null, fields, error.show);
      const next = fields.newPassword.input.value;
      if (breaksARule(next, username)) {
        fields.newPassword.showError('The new password does not meet every rule yet');
        return;
      }
      submit.disabled = true;
      try {
        await account.changePassword(fields.currentPassword.input.value, next);
        form.reset();
        showRules();
        done.textContent = 'Your password was changed. Every other session was signed out; this one goes on.';
      } catch (failure) {
        if (!scope.current) return;
        if (failure.code === 'bad_password') {
          fields.currentPassword.showError('That is not your current password');
          fields.currentPassword.input.select();
        } else if (failure.code === 'weak_password') {
          showRules(rules.brokenByServer(failure));
          fields.newPassword.showError('The new password does not meet every rule');
        } else {
          error.show(failureMessage(failure));
        }
      } finally {
        submit.disabled = false;
      }
    },
  }, fields.currentPassword.wrap, fields.newPassword.wrap, error.line, h('div', { class: 'form-actions' }, submit), done);
  return section('settings-password', 'Password',
    'Changing your password signs you out everywhere else: other browsers, phones and apps.', form);
}
