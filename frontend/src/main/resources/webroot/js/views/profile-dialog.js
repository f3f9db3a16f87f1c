// A person's profile, opened by clicking them (sidebar, message author, member list): avatar, display name,
// username, status and presence, with "Message" (or, for oneself, "Edit your profile"). Follows
// user_updated while open.

import { avatar, h, replaceChildren } from '../dom.js';
import { displayName, fullTime } from '../format.js';
import { openDialog } from './dialog.js';

/** ctx: the shell's {store, client, openSettings}; user: at least {id}. */
export function profileDialog(ctx, user) {
  const { store, client } = ctx;
  const card = h('div', { class: 'profile-card' });
  const self = user.id === store.me?.id;
  const current = () => store.users.get(user.id) ?? user;
  const message = h('button', {
    type: 'button', class: 'button primary',
    onclick: async () => {
      close();
      if (self) {
        ctx.openSettings('profile');
        return;
      }
      try {
        await client.rooms.directMessage(current());
        ctx.closeSidebar?.();
      } catch {
        // The direct room could not be opened: nothing changed.
      }
    },
  }, self ? 'Edit your profile' : 'Message');

  const draw = () => {
    const person = current();
    const online = store.isOnline(person.id);
    replaceChildren(card,
      h('span', { class: 'avatar-wrap' }, avatar(person, 'xl'),
        h('span', { class: ['presence-dot', online ? 'online' : 'offline'], role: 'img',
          'aria-label': online ? 'online' : 'offline' })),
      h('div', { class: 'profile-text' },
        h('p', { class: 'profile-name' }, displayName(person)),
        h('p', { class: 'profile-username' }, `@${person.username ?? ''}`),
        person.statusText || person.statusEmoji
          ? h('p', { class: 'profile-status' },
            person.statusEmoji ? h('span', { class: 'status-emoji' }, person.statusEmoji) : null,
            h('span', {}, person.statusText))
          : null,
        h('p', { class: 'profile-meta' }, online ? 'Online' : 'Offline',
          person.createdAt ? ` · joined ${fullTime(person.createdAt)}` : '')));
  };

  const redraw = (event) => {
    if (!event.detail?.userId || event.detail.userId === user.id) draw();
  };
  store.addEventListener('users', redraw);
  store.addEventListener('presence', redraw);
  const { dialog, close } = openDialog({
    title: 'Profile',
    className: 'dialog-profile',
    body: card,
    actions: [h('button', { type: 'button', class: 'button', onclick: () => close() }, 'Close'), message],
  });
  dialog.addEventListener('close', () => {
    store.removeEventListener('users', redraw);
    store.removeEventListener('presence', redraw);
  });
  draw();
  client.people.learnById(user.id);
  message.focus();
}
