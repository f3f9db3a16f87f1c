// "Your account": one dialog with a tab per section (profile, password, sessions, two-factor sign-in, access
// tokens), made by tabs-dialog.js.

import { tabsDialog } from '../tabs-dialog.js';
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
].map((section) => ({
  ...section,
  // Inside the dialog, a section that sends the user to another one switches tabs.
  draw: (ctx, scope) => section.draw({ ...ctx, openSettings: ctx.openSection }, scope),
}));

/** ctx: the shell's {api, account, store, client, ...}; first: the id of the section to show. */
export function settingsDialog(ctx, first = 'profile') {
  return tabsDialog({ title: 'Your account', label: 'Account settings', idPrefix: 'settings', sections: SECTIONS, ctx, first });
}
