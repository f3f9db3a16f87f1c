// Personal access tokens for scripts and bots: made with a name and an optional expiry, the token itself shown
// this once with a copy button; listed with when each was made, last used and expires; revoked at once.

import { h, icon, replaceChildren } from '../../dom.js';
import { fullTime } from '../../format.js';
import { errorLine } from '../dialog.js';
import { checkedField, showProblem } from '../forms.js';
import { fetchedList, removeButton, section, shownOnce } from './parts.js';

const EXPIRIES = [['', 'Never'], ['7', '7 days'], ['30', '30 days'], ['90', '90 days'], ['365', 'A year']];
/** A token that is forgotten should not live for ever: 90 days unless the user chooses otherwise. */
const DEFAULT_EXPIRY = '90';

export function tokensSection({ account }, scope) {
  const made = h('div', { class: 'token-made' });
  const item = (token, listed) => h('li', { class: 'settings-item', dataset: { tokenId: token.id } },
    h('span', { class: 'settings-item-icon' }, icon('key')),
    h('div', { class: 'settings-item-text' },
      h('span', { class: 'settings-item-name' }, token.name),
      h('span', { class: 'settings-item-detail' }, `Made ${fullTime(token.createdAt)} · `,
        token.expiresAt ? `expires ${fullTime(token.expiresAt)}` : 'never expires'),
      h('span', { class: 'settings-item-detail' },
        token.lastUsedAt ? `Last used ${fullTime(token.lastUsedAt)}` : 'Never used')),
    removeButton(listed, {
      text: 'Revoke', label: `Revoke ${token.name}`, title: 'Revoke token',
      question: `Revoke “${token.name}”? Scripts using it stop working at once.`,
      remove: () => account.revokeToken(token.id),
    }));
  const listed = fetchedList(scope, {
    label: 'Your tokens', what: 'your tokens', empty: 'No tokens yet.', fetch: () => account.tokens(), item,
  });

  const fields = {
    name: checkedField('token-name', 'Name', h('input', { type: 'text', maxlength: '64', required: true,
      autocomplete: 'off', placeholder: 'deploy bot' }), h('p', { class: 'hint' }, 'What the token is for, to know it again later.')),
    expiresInDays: checkedField('token-expiry', 'Expires',
      h('select', {}, EXPIRIES.map(([value, label]) => h('option', { value, selected: value === DEFAULT_EXPIRY }, label)))),
  };
  const error = errorLine();
  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Create token');
  const form = h('form', {
    class: 'settings-form',
    'aria-label': 'Create a token',
    onsubmit: async (event) => {
      event.preventDefault();
      submit.disabled = true;
      showProblem(null, fields, error.show);
      try {
        const days = Number(fields.expiresInDays.input.value) || undefined;
        const token = await account.createToken(fields.name.input.value.trim(), days);
        fields.name.input.value = '';
        replaceChildren(made, shownOnce({
          label: `New token ${token.name}`,
          warning: `Copy your new token “${token.name}” now: it is shown only this once.`,
          value: h('code', { class: 'token-value' }, token.token),
          copyText: token.token,
          copyLabel: 'Copy the token',
        }));
        await listed.load();
      } catch (failure) {
        if (scope.current) showProblem(failure, fields, error.show);
      } finally {
        submit.disabled = false;
      }
    },
  }, h('div', { class: 'token-fields' }, fields.name.wrap, fields.expiresInDays.wrap), error.line,
  h('div', { class: 'form-actions' }, submit));

  listed.load();
  return section('settings-tokens', 'Access tokens',
    'Tokens let scripts and bots use Parley as you, without your password: send them as "Authorization: Bearer <token>". '
      + 'They cannot change your password, sessions, two-factor sign-in or tokens, nor reach the admin pages.',
    form, made, listed.error.line, listed.list);
}
