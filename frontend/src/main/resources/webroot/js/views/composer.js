// The message composer, of a room or (with threadId) of a thread: Enter sends, Shift+Enter starts a new line;
// "@" offers the room's members (mention-autocomplete.js); typing is announced to the room (not from a
// thread); a file (picked, pasted or dropped) uploads at once with a progress bar and a preview, and goes with
// the next send. A short line under it shows the Markdown a message may use.

import { h, icon, toast } from '../dom.js';
import { fileSize } from '../format.js';
import { mentionAutocomplete } from './mention-autocomplete.js';

const TEXT_MAX = 4000;
const FORMATTING = ['**bold**', '_italic_', '~~strike~~', '`code`', '```block```', '> quote'];
let hints = 0;

export function composerView({ client, api, store, roomId, threadId = null, placeholder, dropTarget }) {
  let upload = null; // {file, previewUrl, progress, attachment?, request}
  const fileInput = h('input', { type: 'file', id: threadId ? 'thread-composer-file' : 'composer-file', class: 'visually-hidden', tabindex: '-1' });
  const attach = h('button', {
    type: 'button', class: 'icon-button', 'aria-label': 'Attach a file', title: 'Attach a file',
    onclick: () => fileInput.click(),
  }, icon('paperclip'));
  const hint = h('p', { class: 'composer-hint', id: `composer-hint-${++hints}` },
    FORMATTING.map((example) => [h('code', {}, example), ' ']));
  const text = h('textarea', {
    class: 'composer-input', rows: '1', placeholder, 'aria-label': placeholder, maxlength: String(TEXT_MAX),
    'aria-describedby': hint.id,
  });
  const send = h('button', { type: 'submit', class: 'send-button', 'aria-label': 'Send message', title: 'Send' }, icon('send'));
  const uploadArea = h('div', { class: 'upload-area', hidden: true, 'aria-live': 'polite' });
  const form = h('form', { class: 'composer', 'aria-label': threadId ? 'Reply in the thread' : 'Send a message' },
    uploadArea, h('div', { class: 'composer-row' }, attach, fileInput, text, send), hint);
  const mentions = mentionAutocomplete(text, form, { store, api, roomId });
  const announce = (active) => threadId || client.typing.announce(roomId, active);

  const canSend = () => (text.value.trim().length > 0 && !upload) || (upload?.attachment && !upload.failed);
  const refresh = () => {
    send.disabled = !canSend();
    text.style.height = 'auto';
    text.style.height = `${Math.min(text.scrollHeight, 200)}px`;
  };

  const showUpload = () => {
    uploadArea.hidden = !upload;
    if (!upload) {
      uploadArea.replaceChildren();
      return;
    }
    const percent = Math.round(upload.progress * 100);
    const state = upload.failed ? `Upload failed: ${upload.failed}`
      : upload.attachment ? 'Ready to send' : `Uploading… ${percent}%`;
    uploadArea.replaceChildren(h('div', { class: ['upload-chip', upload.failed && 'failed'] },
      upload.previewUrl ? h('img', { class: 'upload-thumb', src: upload.previewUrl, alt: '' }) : icon('file'),
      h('div', { class: 'upload-info' },
        h('span', { class: 'file-name' }, upload.file.name),
        h('span', { class: 'upload-state' }, `${fileSize(upload.file.size)} · ${state}`),
        h('progress', { class: 'upload-progress', max: '100', value: String(upload.failed ? 0 : percent), 'aria-label': 'Upload progress' })),
      h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Remove attachment', onclick: clearUpload }, icon('x'))));
  };

  const clearUpload = () => {
    if (upload?.previewUrl && !upload.sent) URL.revokeObjectURL(upload.previewUrl);
    upload = null;
    showUpload();
    refresh();
  };

  const startUpload = async (file) => {
    clearUpload();
    const current = {
      file,
      previewUrl: file.type.startsWith('image/') ? URL.createObjectURL(file) : null,
      progress: 0,
    };
    upload = current;
    showUpload();
    refresh();
    try {
      current.attachment = await api.upload(roomId, file, (fraction) => {
        current.progress = fraction;
        if (upload === current) showUpload();
      });
      current.progress = 1;
    } catch (error) {
      current.failed = error.code === 'too_large' ? 'the file is too large' : error.message;
    }
    if (upload === current) {
      showUpload();
      refresh();
    }
  };

  fileInput.addEventListener('change', () => {
    if (fileInput.files[0]) startUpload(fileInput.files[0]);
    fileInput.value = '';
  });
  text.addEventListener('paste', (event) => {
    const file = [...event.clipboardData.files][0];
    if (file) {
      event.preventDefault();
      startUpload(file);
    }
  });
  if (dropTarget) {
    dropTarget.addEventListener('dragover', (event) => {
      if ([...event.dataTransfer.types].includes('Files')) event.preventDefault();
    });
    dropTarget.addEventListener('drop', (event) => {
      const file = event.dataTransfer.files[0];
      if (file) {
        event.preventDefault();
        startUpload(file);
      }
    });
  }

  text.addEventListener('input', () => {
    announce(text.value.trim().length > 0);
    refresh();
  });
  text.addEventListener('blur', () => announce(false));
  text.addEventListener('keydown', (event) => {
    if (mentions.handleKey(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!canSend()) {
      if (upload && !upload.attachment && !upload.failed) toast('Wait for the upload to finish.');
      return;
    }
    const attachment = upload?.attachment
      ? { ...upload.attachment, previewUrl: upload.previewUrl } : null;
    if (upload) upload.sent = true;
    client.outbox.send(roomId, text.value.trim(), attachment, threadId);
    mentions.close();
    text.value = '';
    upload = null;
    showUpload();
    refresh();
    text.focus();
  });
  refresh();
  return { element: form, focus: () => text.focus() };
}
