// Profile: the avatar (uploaded at once when picked, with a preview and its progress; removable), the display
// name and the status (an emoji and a line of text, with a few ready-made ones). The server's field errors
// are shown at their fields; what it answers is the user everyone sees, so the client takes it at once.

import { avatar, h, icon, replaceChildren } from '../../dom.js';
import { fileSize } from '../../format.js';
import { errorLine } from '../dialog.js';
import { checkedField, failureMessage, showProblem } from '../forms.js';
import { section } from './parts.js';

/** The contract's avatar limits: what the server decodes, and at most 2 MiB. */
const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
const AVATAR_MAX_BYTES = 2 * 1024 * 1024;

const PRESETS = [
  ['📅', 'In a meeting'], ['🚆', 'Commuting'], ['🤒', 'Out sick'], ['🌴', 'On holiday'], ['🏠', 'Working remotely'],
];

export function profileSection(ctx, scope) {
  return section('settings-profile', 'Profile', 'How other people see you in rooms, messages and the people list.',
    avatarPart(ctx, scope), detailsForm(ctx, scope));
}

function avatarPart({ account, store, client }, scope) {
  const picture = h('div', { class: 'avatar-editor-picture' });
  const progress = h('progress', { class: 'upload-progress', max: '1', value: '0', hidden: true, 'aria-label': 'Upload progress' });
  const state = h('p', { class: 'avatar-state', role: 'status' });
  const error = h('p', { class: 'field-error', id: 'avatar-error', role: 'alert', hidden: true });
  const file = h('input', { type: 'file', id: 'avatar-file', class: 'visually-hidden', tabindex: '-1',
    accept: AVATAR_TYPES.join(','), 'aria-describedby': 'avatar-hint avatar-error' });
  const choose = h('button', { type: 'button', class: 'button small', 'aria-describedby': 'avatar-hint avatar-error',
    onclick: () => file.click() }, icon('image'), 'Upload a picture');
  const remove = h('button', { type: 'button', class: 'button small ghost', onclick: () => removeAvatar() }, 'Remove picture');
  let preview = null;

  const showError = (message) => {
    error.textContent = message ?? '';
    error.hidden = !message;
  };
  const draw = () => {
    if (preview) return;
    replaceChildren(picture, avatar(store.me, 'xl'));
    remove.hidden = !store.me.hasAvatar;
  };
  /** Back from an upload, with the user the server answered (or none when it failed). */
  const done = (user) => {
    if (user) client.people.onUserUpdated(user);
    if (preview) URL.revokeObjectURL(preview);
    preview = null;
    progress.hidden = true;
    choose.disabled = false;
    draw();
  };
  const upload = async (chosen) => {
    showError(null);
    if (!AVATAR_TYPES.includes(chosen.type)) {
      showError('Pick a PNG, JPEG, WebP or GIF picture.');
      return;
    }
    if (chosen.size > AVATAR_MAX_BYTES) {
      showError(`That picture is ${fileSize(chosen.size)}; an avatar is at most ${fileSize(AVATAR_MAX_BYTES)}.`);
      return;
    }
    preview = URL.createObjectURL(chosen);
    replaceChildren(picture, h('img', { class: 'avatar avatar-xl avatar-preview', src: preview, alt: 'Your new picture' }));
    progress.hidden = false;
    progress.value = 0;
    choose.disabled = true;
    state.textContent = 'Uploading…';
    try {
      done(await account.uploadAvatar(chosen, (fraction) => { progress.value = fraction; }));
      state.textContent = 'Your new picture is saved.';
    } catch (failure) {
      done(null);
      state.textContent = '';
      showError(failure.errors?.[0]?.message ?? failureMessage(failure));
    }
  };
  const removeAvatar = async () => {
    showError(null);
    try {
      done(await account.removeAvatar());
      state.textContent = 'Your picture was removed.';
      choose.focus();
    } catch (failure) {
      showError(failureMessage(failure));
    }
  };
  file.addEventListener('change', () => {
    const [chosen] = file.files;
    file.value = '';
    if (chosen) upload(chosen);
  });
  scope.listen(store, 'me', draw);
  draw();
  return h('div', { class: 'avatar-editor', role: 'group', 'aria-label': 'Picture' },
    picture,
    h('div', { class: 'avatar-editor-side' },
      h('div', { class: 'avatar-editor-buttons' }, choose, remove, file),
      h('p', { class: 'hint', id: 'avatar-hint' }, 'PNG, JPEG, WebP or GIF, at most 2 MB. It is shown at most 256 × 256.'),
      progress, state, error));
}

function detailsForm({ account, store, client }, scope) {
  const me = store.me;
  const fields = {
    displayName: checkedField('profile-display-name', 'Display name',
      h('input', { type: 'text', maxlength: '64', autocomplete: 'name', value: me.displayName ?? '' }),
      h('p', { class: 'hint' }, `Left empty, your username (${me.username}) is shown.`)),
    statusEmoji: checkedField('profile-status-emoji', 'Status emoji',
      h('input', { type: 'text', class: 'status-emoji-input', maxlength: '32', autocomplete: 'off', value: me.statusEmoji ?? '' })),
    statusText: checkedField('profile-status-text', 'Status',
      h('input', { type: 'text', maxlength: '100', autocomplete: 'off', placeholder: 'What are you up to?', value: me.statusText ?? '' })),
  };
  const said = h('p', { class: 'form-saved', role: 'status' });
  const error = errorLine();
  const setStatus = (emoji, text) => {
    fields.statusEmoji.input.value = emoji;
    fields.statusText.input.value = text;
  };
  const presets = h('div', { class: 'status-presets', role: 'group', 'aria-label': 'Ready-made statuses' },
    PRESETS.map(([emoji, text]) => h('button', { type: 'button', class: 'chip', onclick: () => setStatus(emoji, text) },
      `${emoji} ${text}`)),
    h('button', { type: 'button', class: 'chip', onclick: () => setStatus('', '') }, 'Clear status'));
  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Save profile');
  const form = h('form', {
    class: 'settings-form',
    'aria-label': 'Name and status',
    onsubmit: async (event) => {
      event.preventDefault();
      submit.disabled = true;
      said.textContent = '';
      showProblem(null, fields, error.show);
      try {
        const typedName = fields.displayName.input.value.trim();
        const user = await account.updateProfile({
          displayName: typedName,
          statusEmoji: fields.statusEmoji.input.value.trim(),
          statusText: fields.statusText.input.value.trim(),
        });
        client.people.onUserUpdated(user);
        // An empty name shows the username, which the server answers as the display name: the field stays empty.
        fields.displayName.input.value = typedName ? user.displayName : '';
        said.textContent = 'Saved.';
      } catch (failure) {
        if (!scope.current) return;
        showProblem(failure, fields, error.show);
      } finally {
        submit.disabled = false;
      }
    },
  }, fields.displayName.wrap,
  h('div', { class: 'status-fields' }, fields.statusEmoji.wrap, fields.statusText.wrap),
  presets, error.line, h('div', { class: 'form-actions' }, submit, said));
  return form;
}
