// The admin panel at /admin: figures, users (ban, unban, role; with avatars and status, kept current by
// user_updated) and rooms (delete), through the contract's admin calls. The server checks the role on every
// call; this page only hides itself from non-admins.

import { avatar, h, icon, replaceChildren, toast } from '../dom.js';
import { displayName, fullTime, statusLabel } from '../format.js';
import { confirmDialog } from './dialog.js';

export function renderAdmin(root, { api, store, client, logout }) {
  const me = store.me;
  const stats = h('section', { class: 'admin-stats', 'aria-label': 'Figures' });
  const userSearch = h('input', { type: 'search', class: 'input', id: 'admin-user-search', placeholder: 'Search users',
    'aria-label': 'Search users' });
  const usersBody = h('tbody');
  const roomsBody = h('tbody');
  replaceChildren(root, h('div', { class: 'admin' },
    h('header', { class: 'admin-head' },
      h('a', { href: '/', class: 'brand' }, h('span', { class: 'logo' }, icon('logo')), 'Parley'),
      h('h1', {}, 'Administration'),
      h('div', { class: 'admin-head-actions' },
        h('a', { href: '/', class: 'button ghost small' }, icon('arrow-left'), 'Back to chat'),
        h('button', { type: 'button', class: 'button ghost small', onclick: logout }, icon('logout'), 'Log out'))),
    me.role !== 'admin'
      ? h('main', { class: 'admin-main' }, h('p', { class: 'admin-denied', role: 'alert' }, 'Only admins can see this page.'))
      : h('main', { class: 'admin-main' },
        stats,
        h('section', { class: 'admin-card', 'aria-labelledby': 'admin-users-title' },
          h('div', { class: 'admin-card-head' }, h('h2', { id: 'admin-users-title' }, 'Users'), userSearch),
          h('div', { class: 'table-wrap' }, h('table', { class: 'admin-table' },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'User'), h('th', { scope: 'col' }, 'Role'),
              h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, 'Joined'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
            usersBody))),
        h('section', { class: 'admin-card', 'aria-labelledby': 'admin-rooms-title' },
          h('div', { class: 'admin-card-head' }, h('h2', { id: 'admin-rooms-title' }, 'Rooms')),
          h('div', { class: 'table-wrap' }, h('table', { class: 'admin-table' },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Room'), h('th', { scope: 'col' }, 'Type'),
              h('th', { scope: 'col' }, 'Members'), h('th', { scope: 'col' }, 'Messages'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
            roomsBody))))));
  if (me.role !== 'admin') return;

  const loadStats = async () => {
    try {
      const figures = await api.stats();
      const connections = Object.values(figures.connections ?? {}).reduce((sum, n) => sum + Number(n || 0), 0);
      replaceChildren(stats,
        figure('Users', figures.users), figure('Rooms', figures.rooms), figure('Messages', figures.messages),
        figure('Connections', typeof figures.connections === 'number' ? figures.connections : connections));
    } catch (error) {
      replaceChildren(stats, h('p', { class: 'form-error' }, `Figures unavailable: ${error.message}`));
    }
  };

  const loadUsers = async () => {
    try {
      const answer = await api.adminUsers(userSearch.value.trim());
      replaceChildren(usersBody, (answer.users ?? []).map(userRow));
    } catch (error) {
      replaceChildren(usersBody, h('tr', {}, h('td', { colspan: '5', class: 'form-error' }, error.message)));
    }
  };

  const userRow = (user) => {
    const self = user.id === me.id;
    const role = h('select', { class: 'input small', 'aria-label': `Role of ${user.username}`, disabled: self },
      h('option', { value: 'user', selected: user.role === 'user' }, 'User'),
      h('option', { value: 'admin', selected: user.role === 'admin' }, 'Admin'));
    role.addEventListener('change', async () => {
      try {
        await api.setRole(user.id, role.value);
        toast(`${user.username} is now ${role.value === 'admin' ? 'an admin' : 'a user'}.`);
      } catch (error) {
        toast(error.message, 'error');
        role.value = user.role;
      }
    });
    const ban = h('button', {
      type: 'button', class: ['button', 'small', user.banned ? '' : 'danger'], disabled: self,
      onclick: async () => {
        if (!user.banned && !await confirmDialog('Ban user', `Ban ${user.username}? They are signed out at once.`, 'Ban', true)) return;
        try {
          await api.setBanned(user.id, !user.banned);
          toast(`${user.username} was ${user.banned ? 'unbanned' : 'banned'}.`);
          loadUsers();
        } catch (error) {
          toast(error.message, 'error');
        }
      },
    }, user.banned ? 'Unban' : 'Ban');
    return h('tr', { dataset: { userId: user.id } },
      h('td', {}, h('div', { class: 'user-cell' }, avatar(user, 'sm'),
        h('div', {}, h('div', { class: 'pick-name' }, displayName(user)),
          h('div', { class: 'pick-detail' }, [`@${user.username}`, statusLabel(user)].filter(Boolean).join(' · '))))),
      h('td', {}, role),
      h('td', {}, user.banned ? h('span', { class: 'tag danger' }, 'Banned')
        : h('span', { class: ['tag', user.online ? 'ok' : ''] }, user.online ? 'Online' : 'Offline')),
      h('td', {}, fullTime(user.createdAt)),
      h('td', { class: 'actions-cell' }, ban));
  };

  const loadRooms = async () => {
    try {
      const answer = await api.rooms();
      replaceChildren(roomsBody, (answer.rooms ?? []).filter((room) => room.type !== 'direct').map((room) => h('tr', {},
        h('td', {}, h('span', { class: 'pick-name' }, `#${room.name}`)),
        h('td', {}, room.type),
        h('td', {}, String(room.memberCount ?? 0)),
        h('td', {}, String(room.lastSeq ?? 0)),
        h('td', { class: 'actions-cell' }, h('button', {
          type: 'button', class: 'button small danger', 'aria-label': `Delete room ${room.name}`,
          onclick: async () => {
            if (!await confirmDialog('Delete room', `Delete #${room.name} and all its messages?`, 'Delete', true)) return;
            try {
              await api.deleteRoom(room.id);
              toast(`#${room.name} was deleted.`);
              loadRooms();
              loadStats();
            } catch (error) {
              toast(error.message, 'error');
            }
          },
        }, 'Delete')))));
    } catch (error) {
      replaceChildren(roomsBody, h('tr', {}, h('td', { colspan: '5', class: 'form-error' }, error.message)));
    }
  };

  let timer = null;
  const loadUsersSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(loadUsers, 200);
  };
  userSearch.addEventListener('input', loadUsersSoon);
  // Someone changed their name, status or avatar (user_updated): the list shows them as they are now.
  store.addEventListener('users', loadUsersSoon);
  loadStats();
  loadUsers();
  loadRooms();
  // Once the socket is up, presence counts this admin: the list is asked again, so their own row says so.
  client.addEventListener('ready', () => {
    loadUsers();
    loadStats();
  });
}

function figure(label, value) {
  return h('div', { class: 'stat' }, h('span', { class: 'stat-value' }, value === undefined ? '–' : String(value)),
    h('span', { class: 'stat-label' }, label));
}
