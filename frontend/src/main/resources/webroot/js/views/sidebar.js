// The sidebar: the connection state, Threads and Mentions, rooms and direct messages with unread and mention
// badges (muted ones dimmed, with mentions only) and presence, the people online (each opens their profile),
// and the signed-in user (opening "Your account") with notifications, admin and logout. Avatars and status
// emoji follow user_updated.

import { avatar, h, icon, replaceChildren } from '../dom.js';
import { displayName, statusLabel } from '../format.js';

const STATE_LABELS = {
  connecting: 'Connecting…',
  online: 'Connected',
  reconnecting: 'Reconnecting…',
  banned: 'Banned',
  closed: 'Offline',
};

/** How often the online list is fetched again, for people who share no room (no presence events). */
const PEOPLE_REFRESH_MS = 30_000;

export class Sidebar {
  #ctx;
  #onlineUsers = [];
  #refreshTimer = null;

  constructor(root, ctx) {
    this.#ctx = ctx;
    this.root = root;
    this.status = h('div', { class: 'connection', role: 'status', 'aria-live': 'polite' });
    this.lists = h('ul', { class: 'nav-list', 'aria-label': 'Threads and mentions' });
    this.rooms = h('ul', { class: 'nav-list', 'aria-labelledby': 'rooms-heading' });
    this.directs = h('ul', { class: 'nav-list', 'aria-labelledby': 'dms-heading' });
    this.people = h('ul', { class: 'nav-list people', 'aria-labelledby': 'people-heading' });
    this.peopleHeading = h('h2', { id: 'people-heading', class: 'section-title' }, 'Online');
    this.notifyButton = h('button', { type: 'button', class: 'button ghost small wide', hidden: true });
    this.footer = h('div', { class: 'sidebar-foot' });
    replaceChildren(root,
      h('div', { class: 'sidebar-head' },
        h('a', { href: '/', class: 'brand', 'aria-label': 'Parley home' }, h('span', { class: 'logo' }, icon('logo')), 'Parley'),
        this.status),
      h('div', { class: 'sidebar-scroll' },
        h('section', { class: 'nav-section' }, this.lists),
        h('section', { class: 'nav-section' },
          h('div', { class: 'section-head' },
            h('h2', { id: 'rooms-heading', class: 'section-title' }, 'Rooms'),
            h('button', { type: 'button', class: 'icon-button small', 'aria-label': 'Browse rooms', title: 'Browse rooms',
              onclick: () => ctx.browseRooms() }, icon('search')),
            h('button', { type: 'button', class: 'icon-button small', 'aria-label': 'Create a room', title: 'Create a room',
              onclick: () => ctx.createRoom() }, icon('plus'))),
          this.rooms),
        h('section', { class: 'nav-section' },
          h('div', { class: 'section-head' },
            h('h2', { id: 'dms-heading', class: 'section-title' }, 'Direct messages'),
            h('button', { type: 'button', class: 'icon-button small', 'aria-label': 'New direct message', title: 'New message',
              onclick: () => ctx.newMessage() }, icon('plus'))),
          this.directs),
        h('section', { class: 'nav-section' },
          h('div', { class: 'section-head' }, this.peopleHeading),
          this.people)),
      this.footer);

    const { store, connection } = ctx;
    for (const type of ['rooms', 'current', 'threads']) store.addEventListener(type, () => this.#drawRooms());
    store.addEventListener('users', () => {
      this.#drawRooms();
      this.#drawPeople();
    });
    store.addEventListener('presence', () => {
      this.#drawRooms();
      this.#refreshPeopleSoon();
    });
    // Someone new in a shared room may be online already: no presence change tells of them.
    store.addEventListener('members', () => this.#refreshPeopleSoon());
    const refresher = setInterval(() => {
      if (root.isConnected) this.#refreshPeopleSoon();
      else clearInterval(refresher);
    }, PEOPLE_REFRESH_MS);
    store.addEventListener('me', () => {
      this.#drawFooter();
      this.#refreshPeopleSoon();
    });
    connection.addEventListener('state', () => this.#drawStatus());
    ctx.notifier.addEventListener('permission', () => this.#drawFooter());
    this.#drawStatus();
    this.#drawRooms();
    this.#drawFooter();
    this.#refreshPeople();
  }

  #drawStatus() {
    const { state, transport } = this.#ctx.connection;
    this.status.dataset.state = state;
    this.status.title = state === 'online' ? `Connected over ${transport}` : STATE_LABELS[state];
    replaceChildren(this.status, h('span', { class: 'connection-dot', 'aria-hidden': 'true' }),
      h('span', { class: 'connection-label' }, STATE_LABELS[state] ?? state));
  }

  #drawRooms() {
    const { store } = this.#ctx;
    const all = [...store.rooms.values()];
    const byName = (a, b) => store.roomTitle(a).localeCompare(store.roomTitle(b));
    const rooms = all.filter((room) => room.type !== 'direct').sort(byName);
    const directs = all.filter((room) => room.type === 'direct').sort(byName);
    replaceChildren(this.rooms, rooms.length ? rooms.map((room) => this.#roomItem(room))
      : h('li', { class: 'nav-empty' }, 'No rooms yet'));
    replaceChildren(this.directs, directs.length ? directs.map((room) => this.#roomItem(room))
      : h('li', { class: 'nav-empty' }, 'No conversations yet'));
    const mentions = all.reduce((sum, room) => sum + (room.mentions ?? 0), 0);
    const threads = store.threads.unreadThreads();
    replaceChildren(this.lists,
      this.#listItem('threads', 'thread', 'Threads', threads, `${threads} with new replies`, String(threads)),
      this.#listItem('mentions', 'at', 'Mentions', mentions, `${mentions} unread`, `@${mentions}`));
  }

  /** An entry for a list shown in place of a room, with its badge when count is above 0. */
  #listItem(view, iconName, label, count, countLabel, badge) {
    const current = this.#ctx.store.currentView === view;
    return h('li', {}, h('button', {
      type: 'button', class: ['nav-item', current && 'current', count > 0 && 'unread'], dataset: { view },
      'aria-current': current ? 'page' : null,
      onclick: () => {
        this.#ctx.client.rooms.openView(view);
        this.#ctx.closeSidebar();
      },
    }, icon(iconName), h('span', { class: 'nav-label' }, label),
    count > 0 ? h('span', { class: ['badge', view === 'mentions' && 'mention-badge'], 'aria-label': countLabel }, badge) : null));
  }

  #roomItem(room) {
    const { store, client } = this.#ctx;
    const current = store.currentRoomId === room.id;
    const seen = current && !document.hidden;
    // A muted room counts only what names the user.
    const unread = seen || room.muted ? 0 : room.unread ?? 0;
    const mentions = seen ? 0 : room.mentions ?? 0;
    const direct = room.type === 'direct';
    const peer = direct ? store.peerOf(room) : null;
    const lead = direct
      ? h('span', { class: 'avatar-wrap small' }, avatar(peer, 'sm'),
        h('span', { class: ['presence-dot', store.isOnline(peer?.id) ? 'online' : 'offline'], role: 'img',
          'aria-label': store.isOnline(peer?.id) ? 'online' : 'offline' }))
      : icon(room.type === 'private' ? 'lock' : 'hash');
    const title = store.roomTitle(room);
    return h('li', {},
      h('button', {
        type: 'button',
        class: ['nav-item', current && 'current', (unread > 0 || mentions > 0) && 'unread', room.muted && 'muted'],
        'aria-current': current ? 'page' : null,
        dataset: { roomId: room.id, roomName: title },
        onclick: () => {
          client.rooms.open(room.id);
          this.#ctx.closeSidebar();
        },
      }, lead, h('span', { class: 'nav-label' }, title), direct ? statusEmoji(peer) : null,
      room.muted ? icon('bell-off', 'muted') : null,
      mentions > 0 ? h('span', { class: 'badge mention-badge', 'aria-label': `${mentions} mentions` }, `@${mentions}`) : null,
      unread > 0 ? h('span', { class: 'badge', 'aria-label': `${unread} unread` }, unread > 99 ? '99+' : String(unread)) : null));
  }

  #refreshPeopleSoon() {
    clearTimeout(this.#refreshTimer);
    this.#refreshTimer = setTimeout(() => this.#refreshPeople(), 500);
  }

  async #refreshPeople() {
    const { api } = this.#ctx;
    try {
      const answer = await api.users({ online: true });
      this.#onlineUsers = answer.users ?? [];
      for (const user of this.#onlineUsers) this.#ctx.client.people.learn(user);
    } catch {
      // Keep the last list; presence events still update the dots.
    }
    this.#drawPeople();
  }

  #drawPeople() {
    const { store } = this.#ctx;
    const ids = new Set([...this.#onlineUsers.map((user) => user.id), ...store.online]);
    const people = [...ids].map((id) => store.users.get(id) ?? this.#onlineUsers.find((user) => user.id === id))
      .filter((user) => user?.username)
      .sort((a, b) => (a.id === store.me?.id ? -1 : b.id === store.me?.id ? 1 : displayName(a).localeCompare(displayName(b))));
    this.peopleHeading.textContent = `Online — ${people.length}`;
    replaceChildren(this.people, people.map((user) => {
      const me = user.id === store.me?.id;
      return h('li', {},
        h('button', {
          type: 'button',
          class: 'nav-item person',
          'aria-haspopup': 'dialog',
          title: statusLabel(user) || null,
          dataset: { userId: user.id },
          onclick: () => {
            this.#ctx.closeSidebar();
            this.#ctx.openProfile(user);
          },
        },
        h('span', { class: 'avatar-wrap small' }, avatar(user, 'sm'), h('span', { class: 'presence-dot online', 'aria-hidden': 'true' })),
        h('span', { class: 'nav-label' }, displayName(user)), statusEmoji(user),
        me ? h('span', { class: 'you-tag' }, 'you') : null));
    }));
  }

  #drawFooter() {
    const { store, notifier } = this.#ctx;
    const me = store.me;
    if (!me) return;
    const canAsk = notifier.canAsk();
    replaceChildren(this.footer,
      canAsk ? h('button', { type: 'button', class: 'button ghost small wide notify-button', onclick: () => notifier.ask() },
        icon('bell'), 'Enable desktop notifications') : null,
      h('div', { class: 'me' },
        h('button', { type: 'button', class: 'me-button', 'aria-haspopup': 'dialog', title: 'Your account and settings',
          'aria-label': `Your account: ${displayName(me)}`,
          onclick: () => {
            this.#ctx.closeSidebar();
            this.#ctx.openSettings('profile');
          } },
        h('span', { class: 'avatar-wrap' }, avatar(me), h('span', { class: 'presence-dot online', 'aria-hidden': 'true' })),
        h('span', { class: 'me-text' },
          h('span', { class: 'me-name' }, displayName(me)),
          h('span', { class: 'me-handle' }, statusLabel(me) || `@${me.username}`))),
        me.role === 'admin' ? h('a', { href: '/admin', class: 'icon-button', 'aria-label': 'Admin', title: 'Admin' }, icon('shield')) : null,
        h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Log out', title: 'Log out',
          onclick: () => this.#ctx.logout() }, icon('logout'))));
  }
}

/** A user's status emoji beside their name, its text as the tooltip; nothing without one. */
function statusEmoji(user) {
  if (!user?.statusEmoji) return null;
  return h('span', { class: 'status-emoji', title: statusLabel(user), 'aria-label': `Status: ${statusLabel(user)}`, role: 'img' },
    user.statusEmoji);
}
