// A room's name, topic and description, changed by an owner or an admin: only what changed is sent; the
// server's answers show at their fields (a name taken, a field too long), and every member sees the change
// live (room_updated).

import { h } from '../../dom.js';
import { errorLine } from '../dialog.js';
import { checkedField, showProblem } from '../forms.js';
import { section } from '../settings/parts.js';

export function generalSection({ store, client, roomId }, scope) {
  const room = store.rooms.get(roomId);
  const fields = {
    name: checkedField('room-settings-name', 'Name', h('input', { type: 'text', maxlength: '64', required: true,
      autocomplete: 'off', value: room.name }), h('p', { class: 'hint' }, 'Names are unique, ignoring case.')),
    topic: checkedField('room-settings-topic', 'Topic', h('input', { type: 'text', maxlength: '250', autocomplete: 'off',
      value: room.topic ?? '', placeholder: 'What the room is talking about now' }),
    h('p', { class: 'hint' }, 'Shown in the room\'s header.')),
    description: checkedField('room-settings-description', 'Description', h('textarea', { rows: '3', maxlength: '500',
      value: room.description ?? '' }), h('p', { class: 'hint' }, 'What the room is for, shown when browsing rooms.')),
  };
  const error = errorLine();
  const saved = h('p', { class: 'form-saved', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Save changes');
  const form = h('form', {
    class: 'settings-form',
    'aria-label': 'Name and topic',
    onsubmit: async (event) => {
      event.preventDefault();
      const now = store.rooms.get(roomId) ?? room;
      const changes = {};
      for (const [key, field] of Object.entries(fields)) {
        const value = field.input.value.trim();
        if (value !== (now[key] ?? '')) changes[key] = value;
      }
      showProblem(null, fields, error.show);
      saved.textContent = '';
      if (!Object.keys(changes).length) {
        saved.textContent = 'Nothing to save.';
        return;
      }
      submit.disabled = true;
      try {
        await client.rooms.update(roomId, changes);
        if (scope.current) saved.textContent = 'Saved.';
      } catch (failure) {
        if (!scope.current) return;
        if (failure.code === 'name_taken') fields.name.showError('A room with that name exists already');
        else showProblem(failure, fields, error.show);
      } finally {
        submit.disabled = false;
      }
    },
  }, fields.name.wrap, fields.topic.wrap, fields.description.wrap, error.line, h('div', { class: 'form-actions' }, submit, saved));
  return section('room-settings-general', 'Name and topic', null, form);
}
