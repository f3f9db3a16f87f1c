// A room's incoming webhooks, for its owners and admins: made with a name, their URL (which holds the secret)
// shown this once with a copy button; listed; removed at once. Anyone with the URL can post into the room as
// the hook, marked BOT.

import { h, icon, replaceChildren } from '../../dom.js';
import { fullTime } from '../../format.js';
import { errorLine } from '../dialog.js';
import { checkedField, showProblem } from '../forms.js';
import { fetchedList, removeButton, section, shownOnce } from '../settings/parts.js';

export function webhooksSection({ client, roomId }, scope) {
  const { conversations } = client;
  const made = h('div', { class: 'token-made' });
  const item = (hook, listed) => h('li', { class: 'settings-item', dataset: { hookId: hook.id } },
    h('span', { class: 'settings-item-icon' }, icon('bot')),
    h('div', { class: 'settings-item-text' }, h('span', { class: 'settings-item-name' }, hook.name),
      h('span', { class: 'settings-item-detail' }, `Made ${fullTime(hook.createdAt)} · `,
        hook.lastUsedAt ? `last used ${fullTime(hook.lastUsedAt)}` : 'never used')),
    removeButton(listed, {
      text: 'Remove', label: `Remove ${hook.name}`, title: 'Remove webhook',
      question: `Remove “${hook.name}”? Whatever posts with its URL stops at once.`,
      remove: () => conversations.deleteWebhook(roomId, hook.id),
    }));
  const listed = fetchedList(scope, {
    label: 'Webhooks', what: 'the webhooks', empty: 'No webhooks yet.', item,
    fetch: () => conversations.webhooks(roomId),
  });

  const fields = {
    name: checkedField('webhook-name', 'Name', h('input', { type: 'text', maxlength: '64', required: true,
      autocomplete: 'off', placeholder: 'CI builds' }), h('p', { class: 'hint' }, 'Shown as the sender of what it posts.')),
  };
  const error = errorLine();
  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Create webhook');
  const form = h('form', {
    class: 'settings-form',
    'aria-label': 'Create a webhook',
    onsubmit: async (event) => {
      event.preventDefault();
      submit.disabled = true;
      showProblem(null, fields, error.show);
      try {
        const hook = await conversations.createWebhook(roomId, fields.name.input.value.trim());
        fields.name.input.value = '';
        const url = new URL(hook.url, location.origin).href;
        replaceChildren(made, shownOnce({
          label: `New webhook ${hook.name}`,
          warning: `Copy the URL of “${hook.name}” now: it is shown only this once, and anyone who has it can post here.`,
          value: h('code', { class: 'token-value webhook-url' }, url),
          copyText: url,
          copyLabel: 'Copy the URL',
        }));
        await listed.load();
      } catch (failure) {
        if (scope.current) showProblem(failure, fields, error.show);
      } finally {
        submit.disabled = false;
      }
    },
  }, fields.name.wrap, error.line, h('div', { class: 'form-actions' }, submit));

  listed.load();
  return section('room-settings-webhooks', 'Incoming webhooks',
    'A webhook lets a script post into this room: it sends {"text": "..."} to the webhook\'s URL, no account needed.',
    form, made, listed.error.line, listed.list);
}
