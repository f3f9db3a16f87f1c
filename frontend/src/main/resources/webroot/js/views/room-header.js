// The header of the room on screen: its name (and a muted mark), its topic (else its description) with the
// member count, or a direct room's presence; and its actions: members, invite, the pinned messages, leave,
// and the room's menu (mute or unmute; room settings for its owners and admins).

import { h, icon, replaceChildren, toast } from '../dom.js';
import { statusLabel } from '../format.js';
import { confirmDialog } from './dialog.js';
import { menuButton } from './menu.js';
import { pinsDialog } from './pins-dialog.js';
import { inviteDialog, membersDialog } from './room-dialogs.js';
import { canManage, roomSettingsDialog } from './room-settings/room-settings-dialog.js';

export function drawRoomHeader(header, ctx, room) {
  const { store } = ctx;
  const direct = room.type === 'direct';
  const peer = direct ? store.peerOf(room) : null;
  const titleIcon = direct ? h('span', { class: ['presence-dot', store.isOnline(peer?.id) ? 'online' : 'offline'], 'aria-hidden': 'true' })
    : icon(room.type === 'private' ? 'lock' : 'hash');
  const members = `${room.memberCount ?? 0} member${room.memberCount === 1 ? '' : 's'}`;
  const topic = direct
    ? [store.isOnline(peer?.id) ? 'Online' : 'Offline', statusLabel(store.users.get(peer?.id))].filter(Boolean).join(' · ')
    : [room.topic || room.description, members].filter(Boolean).join(' · ');
  replaceChildren(header,
    ctx.menuButton(),
    h('div', { class: 'chat-heading' },
      h('h1', { class: 'chat-title', id: 'chat-title' }, titleIcon, h('span', {}, store.roomTitle(room)),
        room.muted ? h('span', { class: 'muted-mark', title: 'Muted' }, icon('bell-off', 'Muted')) : null),
      h('p', { class: 'chat-topic', title: room.topic ? `Topic: ${room.topic}` : null }, topic)),
    h('div', { class: 'chat-actions' }, actionsOf(ctx, room, peer)));
}

function actionsOf(ctx, room, peer) {
  const direct = room.type === 'direct';
  const actions = [];
  if (direct && peer) {
    actions.push(h('button', {
      type: 'button', class: 'button ghost small', 'aria-haspopup': 'dialog', onclick: () => ctx.openProfile(peer),
    }, icon('user'), h('span', { class: 'label' }, 'Profile')));
  }
  if (!direct) {
    actions.push(h('button', {
      type: 'button', class: 'button ghost small', 'aria-label': 'Show members',
      onclick: () => membersDialog(ctx, room),
    }, icon('users'), h('span', { class: 'count' }, String(room.memberCount ?? 0))));
    if (room.type === 'private') {
      actions.push(h('button', {
        type: 'button', class: 'button ghost small', onclick: () => inviteDialog(ctx, room),
      }, icon('user-plus'), h('span', { class: 'label' }, 'Invite')));
    }
  }
  actions.push(h('button', {
    type: 'button', class: 'icon-button', 'aria-label': 'Pinned messages', title: 'Pinned messages', 'aria-haspopup': 'dialog',
    onclick: () => pinsDialog(ctx, room),
  }, icon('pin')));
  if (!direct) actions.push(leaveButton(ctx, room));
  actions.push(menuButton(icon('more'), () => menuItems(ctx, room), { 'aria-label': 'Room menu', title: 'Room menu' }));
  return actions;
}

function menuItems(ctx, room) {
  const { client, store } = ctx;
  const mute = !room.muted;
  const items = [{
    label: mute ? 'Mute room' : 'Unmute room',
    icon: mute ? 'bell-off' : 'bell',
    onSelect: () => client.rooms.setMuted(room.id, mute)
      .then(() => toast(mute ? `${roomLabel(store, room)} is muted: only mentions notify you.` : `${roomLabel(store, room)} is unmuted.`))
      .catch((error) => toast(error.message, 'error')),
  }];
  if (room.type !== 'direct' && canManage(store, room)) {
    items.push({ label: 'Room settings', icon: 'settings', onSelect: () => roomSettingsDialog(ctx, room.id) });
  }
  return items;
}

function leaveButton(ctx, room) {
  return h('button', {
    type: 'button', class: 'button ghost small',
    onclick: async () => {
      if (!await confirmDialog('Leave room', `Leave #${room.name}?`, 'Leave')) return;
      try {
        await ctx.client.rooms.leave(room.id);
        toast(`You left #${room.name}.`);
      } catch (error) {
        toast(error.message, 'error');
      }
    },
  }, icon('logout'), h('span', { class: 'label' }, 'Leave'));
}

function roomLabel(store, room) {
  return room.type === 'direct' ? store.roomTitle(room) : `#${room.name}`;
}
