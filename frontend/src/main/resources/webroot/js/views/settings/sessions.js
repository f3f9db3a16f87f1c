// Sessions: every place this account is signed in (one per login), with the device, the address, when it
// began and when it was last used, this device marked; one can be ended, or every other one at once. An
// ended session's pages are signed out at once (the server closes their sockets).

import { h, icon, replaceChildren } from '../../dom.js';
import { fullTime } from '../../format.js';
import { confirmDialog, errorLine } from '../dialog.js';
import { failureMessage } from '../forms.js';
import { deviceName } from './device.js';
import { section } from './parts.js';

export function sessionsSection({ account }, scope) {
  const list = h('ul', { class: 'settings-list', 'aria-label': 'Sessions', 'aria-busy': 'true' },
    h('li', { class: 'empty' }, 'Loading sessions…'));
  const said = h('p', { class: 'form-saved', role: 'status' });
  const error = errorLine();
  const endOthers = h('button', {
    type: 'button', class: 'button danger small', hidden: true,
    onclick: async () => {
      if (!await confirmDialog('Sign out everywhere else', 'End every session but this one? Those devices are signed out at once.',
        'Sign out others', true)) return;
      await act(() => account.endOtherSessions(), 'Every other session was ended.');
    },
  }, 'Sign out all other sessions');

  const act = async (call, message) => {
    error.show(null);
    try {
      await call();
      said.textContent = message;
    } catch (failure) {
      error.show(failureMessage(failure));
    }
    await load();
  };
  const item = (session) => {
    const device = deviceName(session.userAgent);
    return h('li', { class: ['settings-item', session.current && 'current'], dataset: { sessionId: session.id } },
      h('span', { class: 'settings-item-icon' }, icon('device')),
      h('div', { class: 'settings-item-text' },
        h('span', { class: 'settings-item-name' }, device,
          session.current ? h('span', { class: 'tag ok' }, 'This device') : null),
        h('span', { class: 'settings-item-detail', title: session.userAgent ?? '' },
          session.address ? `From ${session.address}` : 'Address unknown'),
        h('span', { class: 'settings-item-detail' },
          `Signed in ${fullTime(session.createdAt)} · last used ${fullTime(session.lastUsedAt)}`)),
      session.current ? null : h('button', {
        type: 'button', class: 'button small', 'aria-label': `Sign out ${device}, signed in ${fullTime(session.createdAt)}`,
        onclick: () => act(() => account.endSession(session.id), `${device} was signed out.`),
      }, 'Sign out'));
  };
  const load = async () => {
    try {
      const sessions = await account.sessions();
      if (!scope.current) return;
      replaceChildren(list, sessions.map(item));
      endOthers.hidden = !sessions.some((session) => !session.current);
    } catch (failure) {
      if (!scope.current) return;
      replaceChildren(list);
      error.show(`Could not load your sessions: ${failureMessage(failure)}`);
    }
    list.setAttribute('aria-busy', 'false');
  };
  load();
  return section('settings-sessions', 'Sessions',
    'Where you are signed in. Sign out a device you do not recognise, or that you no longer use.',
    list, error.line, h('div', { class: 'form-actions' }, endOthers, said));
}
