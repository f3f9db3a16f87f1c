// Opening a search result: a public room the user is not in is joined first (when they agree); then the
// message is shown where it was said, as any message asked for is (the shell's showMessage: its room with
// history loaded back to it, or its thread for a reply), scrolled to and flashed.

import { toast } from '../dom.js';
import { confirmDialog } from '../views/dialog.js';

export async function jumpToMessage({ client, store, showMessage }, { message, room }) {
  try {
    if (!store.rooms.has(room.id)) {
      if (!await confirmDialog(`Join #${room.name}`, `Join #${room.name} to read this message in its room?`, 'Join')) return;
      await client.rooms.join(room.id);
    }
  } catch (error) {
    toast(error.message, 'error');
    return;
  }
  await showMessage(message);
}
