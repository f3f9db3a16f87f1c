// The signed-in layout: sidebar and chat side by side; on a narrow screen the sidebar is a drawer opened
// with the menu button and closed with Escape, the backdrop, or by picking a room.

import { h, icon, replaceChildren } from '../dom.js';
import { ChatView } from './chat-view.js';
import { Sidebar } from './sidebar.js';
import { profileDialog } from './profile-dialog.js';
import { browseRoomsDialog, createRoomDialog, newMessageDialog } from './room-dialogs.js';
import { settingsDialog } from './settings/settings-dialog.js';

const NARROW = window.matchMedia('(max-width: 768px)');

export function renderShell(root, base) {
  const sidebarElement = h('nav', { class: 'sidebar', id: 'sidebar', 'aria-label': 'Rooms and people' });
  const chatElement = h('main', { class: 'chat', id: 'chat' });
  const backdrop = h('div', { class: 'backdrop', 'aria-hidden': 'true' });
  const banner = h('div', { class: 'banner', role: 'status', hidden: true });
  const layout = h('div', { class: 'layout' }, sidebarElement, backdrop, h('div', { class: 'main-column' }, banner, chatElement));
  replaceChildren(root, h('a', { href: '#chat', class: 'skip-link' }, 'Skip to the conversation'), layout);

  const setOpen = (open) => {
    layout.classList.toggle('sidebar-open', open);
    for (const button of root.querySelectorAll('.menu-button')) button.setAttribute('aria-expanded', String(open));
    if (open) sidebarElement.querySelector('.nav-item.current, .nav-item, button')?.focus();
  };
  const ctx = {
    ...base,
    narrow: () => NARROW.matches,
    closeSidebar: () => {
      if (layout.classList.contains('sidebar-open')) {
        setOpen(false);
        chat.focusComposer();
      }
    },
    menuButton: () => h('button', {
      type: 'button', class: 'icon-button menu-button', 'aria-label': 'Show rooms and people',
      'aria-controls': 'sidebar', 'aria-expanded': String(layout.classList.contains('sidebar-open')),
      onclick: () => setOpen(!layout.classList.contains('sidebar-open')),
    }, icon('menu')),
    browseRooms: () => browseRoomsDialog(ctx),
    createRoom: () => createRoomDialog(ctx),
    newMessage: () => newMessageDialog(ctx),
    /** A person's profile dialog; user: at least {id}. */
    openProfile: (user) => profileDialog(ctx, user),
    /** "Your account", on one of its sections (profile, password, sessions, two-factor, tokens). */
    openSettings: (section) => settingsDialog(ctx, section),
  };
  backdrop.addEventListener('click', () => setOpen(false));
  layout.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && layout.classList.contains('sidebar-open')) setOpen(false);
  });
  NARROW.addEventListener('change', () => setOpen(false));

  new Sidebar(sidebarElement, ctx);
  const chat = new ChatView(chatElement, ctx);

  const showBanner = () => {
    const { state } = base.connection;
    const text = state === 'reconnecting' ? 'Connection lost. Reconnecting… Messages you send will go out once it is back.'
      : state === 'connecting' ? 'Connecting…' : null;
    banner.hidden = !text;
    banner.dataset.state = state;
    banner.textContent = text ?? '';
  };
  base.connection.addEventListener('state', showBanner);
  showBanner();
  return ctx;
}
