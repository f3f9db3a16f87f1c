// The signed-in layout: sidebar, chat and the open thread side by side; on a narrow screen the sidebar is a
// drawer opened with the menu button and closed with Escape, the backdrop, or by picking a room, and the
// thread covers the chat.

import { h, icon, replaceChildren, toast } from '../dom.js';
import { ChatView } from './chat-view.js';
import { ThreadPanel } from './thread-panel.js';
import { Sidebar } from './sidebar.js';
import { profileDialog } from './profile-dialog.js';
import { browseRoomsDialog, createRoomDialog, newMessageDialog } from './room-dialogs.js';
import { settingsDialog } from './settings/settings-dialog.js';
import { SearchBox } from '../search/search-box.js';

const NARROW = window.matchMedia('(max-width: 768px)');

export function renderShell(root, base) {
  const sidebarElement = h('nav', { class: 'sidebar', id: 'sidebar', 'aria-label': 'Rooms and people' });
  const chatElement = h('main', { class: 'chat', id: 'chat' });
  const threadElement = h('aside', { class: 'thread-panel', id: 'thread', hidden: true });
  const backdrop = h('div', { class: 'backdrop', 'aria-hidden': 'true' });
  const banner = h('div', { class: 'banner', role: 'status', hidden: true });
  // A search result opens as any message asked for does (ctx.showMessage, below).
  const search = new SearchBox({ ...base, showMessage: (message) => ctx.showMessage(message) });
  const layout = h('div', { class: 'layout' }, sidebarElement, backdrop,
    h('div', { class: 'main-column' }, search.element, banner, h('div', { class: 'chat-area' }, chatElement, threadElement)));
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
    focusComposer: () => chat.focusComposer(),
    /** Goes to a message where it was said: its room (history loaded back to it), or its thread for a reply. */
    showMessage: async (message) => {
      const { client, store } = base;
      if (!store.rooms.has(message.roomId)) {
        toast('That message is in a room you are not in.', 'error');
        return;
      }
      try {
        if (message.threadId) {
          await client.threads.open(message.threadId, message.roomId);
          await client.history.loadRepliesAround(message.threadId, message.roomId, message.seq);
          if (!thread.reveal(message.id)) toast('That reply is no longer there.');
        } else {
          await client.rooms.open(message.roomId);
          await client.history.loadAround(message.roomId, message.seq);
          if (!chat.reveal(message.id)) toast('That message is no longer there.');
        }
      } catch (error) {
        toast(error.message, 'error');
      }
    },
  };
  backdrop.addEventListener('click', () => setOpen(false));
  layout.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && layout.classList.contains('sidebar-open')) setOpen(false);
  });
  NARROW.addEventListener('change', () => setOpen(false));

  new Sidebar(sidebarElement, ctx);
  const chat = new ChatView(chatElement, ctx);
  const thread = new ThreadPanel(threadElement, ctx, (open) => layout.classList.toggle('thread-open', open));

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
