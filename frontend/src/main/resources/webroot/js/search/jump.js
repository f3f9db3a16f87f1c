// Opening a search result: its room on screen (joined first, when it is a public room the user is not in),
// history loaded back to a little before the message, which is then scrolled to and flashed.

import { toast } from '../dom.js';
import { confirmDialog } from '../views/dialog.js';

const FLASH_MS = 2000;

export async function jumpToMessage({ client, store }, { message, room }) {
  try {
    if (!store.rooms.has(room.id)) {
      if (!await confirmDialog(`Join #${room.name}`, `Join #${room.name} to read this message in its room?`, 'Join')) return;
      await client.rooms.join(room.id);
    }
    await client.rooms.open(room.id);
    await client.history.loadAround(room.id, message.seq);
  } catch (error) {
    toast(error.message, 'error');
    return;
  }
  requestAnimationFrame(() => flash(message.id));
}

function flash(messageId) {
  const node = document.querySelector(`.messages [data-message-id="${CSS.escape(messageId)}"]`);
  if (!node) {
    toast('That message is no longer there.');
    return;
  }
  node.scrollIntoView({ block: 'center' });
  node.classList.add('flash');
  node.focus({ preventScroll: true });
  setTimeout(() => node.classList.remove('flash'), FLASH_MS);
}
