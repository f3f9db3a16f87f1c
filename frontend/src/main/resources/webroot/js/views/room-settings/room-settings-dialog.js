// A room's settings, for its owners and admins (the server checks: owner_only otherwise): a dialog of tabs
// (tabs-dialog.js) for its name, topic and description, its members, and its incoming webhooks. It closes by
// itself when the room goes from this user's list (left, removed, deleted).

import { tabsDialog } from '../tabs-dialog.js';
import { generalSection } from './general.js';
import { membersSection } from './members.js';
import { webhooksSection } from './webhooks.js';

const SECTIONS = [
  { id: 'general', label: 'Name and topic', icon: 'hash', draw: generalSection },
  { id: 'members', label: 'Members', icon: 'users', draw: membersSection },
  { id: 'webhooks', label: 'Webhooks', icon: 'bot', draw: webhooksSection },
];

/** Whether this user may change the room: one of its owners, or an admin. */
export function canManage(store, room) {
  return Boolean(room && (room.owners?.includes(store.me?.id) || store.me?.role === 'admin'));
}

/** ctx: the shell's; roomId: the room, as the store holds it (kept current by room_updated). */
export function roomSettingsDialog(ctx, roomId, first = 'general') {
  const { store } = ctx;
  const room = store.rooms.get(roomId);
  if (!room) return null;
  const opened = tabsDialog({
    title: `Settings of #${room.name}`, label: 'Room settings', idPrefix: 'room-settings', sections: SECTIONS,
    ctx: { ...ctx, roomId }, first,
  });
  const gone = () => {
    if (!store.rooms.has(roomId)) opened.close();
  };
  store.addEventListener('rooms', gone);
  opened.dialog.addEventListener('close', () => store.removeEventListener('rooms', gone));
  return opened;
}
