// "Your account": one dialog with a tab per section (profile, password, sessions, two-factor sign-in, access
// tokens). Tabs follow the ARIA tabs pattern: arrow keys, Home and End move between them; the panel is
// drawn afresh each time its tab is chosen, and what it listened to is let go when it is left.

import { h, icon, replaceChildren } from '../../dom.js';
import { openDialog } from '../dialog.js';
import { passwordSection } from './password.js';
import { profileSection } from './profile.js';
import { sessionsSection } from './sessions.js';
import { tokensSection } from './tokens.js';
import { twoFactorSection } from './two-factor.js';

const SECTIONS = [
  { id: 'profile', label: 'Profile', icon: 'user', draw: profileSection },
  { id: 'password', label: 'Password', icon: 'lock', draw: passwordSection },
  { id: 'sessions', label: 'Sessions', icon: 'device', draw: sessionsSection },
  { id: 'two-factor', label: 'Two-factor sign-in', icon: 'shield', draw: twoFactorSection },
  { id: 'tokens', label: 'Access tokens', icon: 'key', draw: tokensSection },
];

/** ctx: the shell's {api, account, store, client, ...}; first: the id of the section to show. */
export function settingsDialog(ctx, first = 'profile') {
  const tabs = SECTIONS.map((section) => h('button', {
    type: 'button',
    role: 'tab',
    id: `settings-tab-${section.id}`,
    class: 'settings-tab',
    'aria-controls': 'settings-panel',
    dataset: { section: section.id },
    onclick: () => show(section.id),
  }, icon(section.icon), h('span', {}, section.label)));
  const tablist = h('div', { class: 'settings-tabs', role: 'tablist', 'aria-label': 'Account settings' }, tabs);
  const panel = h('div', { class: 'settings-panel', id: 'settings-panel', role: 'tabpanel', tabindex: '0' });
  let leaving = [];
  let drawn = 0;

  const show = (id, focusTab = false) => {
    const index = Math.max(0, SECTIONS.findIndex((section) => section.id === id));
    tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
    });
    if (focusTab) tabs[index].focus();
    tabs[index].scrollIntoView({ block: 'nearest', inline: 'nearest' });
    leave();
    panel.setAttribute('aria-labelledby', tabs[index].id);
    const mine = ++drawn;
    const scope = {
      /** Listens while this section is on screen. */
      listen(target, type, listener) {
        target.addEventListener(type, listener);
        leaving.push(() => target.removeEventListener(type, listener));
      },
      /** Whether this section is still the one on screen (an answer may come after it was left). */
      get current() { return mine === drawn && dialog.open; },
      close: () => close(),
    };
    replaceChildren(panel, SECTIONS[index].draw({ ...ctx, openSettings: (next) => show(next, true) }, scope));
  };
  const leave = () => {
    for (const stop of leaving) stop();
    leaving = [];
  };

  tablist.addEventListener('keydown', (event) => {
    const index = tabs.indexOf(document.activeElement);
    if (index < 0) return;
    const last = tabs.length - 1;
    const next = { ArrowDown: index + 1, ArrowRight: index + 1, ArrowUp: index - 1, ArrowLeft: index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    show(SECTIONS[(next + tabs.length) % tabs.length].id, true);
  });

  const { dialog, close } = openDialog({
    title: 'Your account',
    className: 'dialog-settings',
    body: h('div', { class: 'settings' }, tablist, panel),
  });
  dialog.addEventListener('close', leave);
  show(first, true);
  return { dialog, close, show };
}
