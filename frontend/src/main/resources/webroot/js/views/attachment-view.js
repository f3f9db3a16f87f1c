// Attachments of messages: images shown inline through a short-lived signed link, other files as a card
// that fetches a fresh link when clicked. Image elements are kept per file, so redrawing a message does not
// load its image again.

import { h, icon } from '../dom.js';
import { fileSize } from '../format.js';

const images = new Map();

export function attachmentView(attachment, api, localPreviewUrl) {
  if (attachment.contentType?.startsWith('image/')) return imageView(attachment, api, localPreviewUrl);
  return h('button', {
    type: 'button',
    class: 'file-card',
    'aria-label': `Download ${attachment.name}, ${fileSize(attachment.size)}`,
    onclick: async () => {
      const link = await api.fileLink(attachment.fileId);
      const anchor = h('a', { href: link.url, download: attachment.name, class: 'visually-hidden' });
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
    },
  }, icon('file'), h('span', { class: 'file-name' }, attachment.name),
  h('span', { class: 'file-size' }, fileSize(attachment.size)));
}

function imageView(attachment, api, localPreviewUrl) {
  let figure = images.get(attachment.fileId);
  if (!figure) {
    const img = h('img', { class: 'attachment-image', alt: attachment.name, loading: 'lazy', decoding: 'async' });
    figure = h('figure', { class: 'attachment' }, img,
      h('figcaption', {}, h('span', { class: 'file-name' }, attachment.name), ' · ', fileSize(attachment.size)));
    if (localPreviewUrl) img.src = localPreviewUrl;
    else load(img, attachment, api);
    images.set(attachment.fileId, figure);
  }
  return figure;
}

async function load(img, attachment, api) {
  try {
    const link = await api.fileLink(attachment.fileId);
    img.src = link.url;
  } catch {
    img.alt = `${attachment.name} (could not be loaded)`;
    img.classList.add('broken');
  }
}
