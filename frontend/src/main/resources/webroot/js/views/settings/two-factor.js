// Two-factor sign-in: its status; turning it on (the QR code to scan, the key to type in by hand, a code of
// the app to confirm, then the ten recovery codes, shown this once); turning it off with the password and a
// code. The QR code is the server's SVG shown as an image (a data: URL, which the CSP's img-src allows): an
// SVG in an <img> runs no script and loads nothing, so none of its markup ever reaches the page.

import { h, replaceChildren } from '../../dom.js';
import { errorLine } from '../dialog.js';
import { checkedField, failureMessage, showProblem } from '../forms.js';
import { section, shownOnce } from './parts.js';

export function twoFactorSection({ account }, scope) {
  const body = h('div', { class: 'two-factor', 'aria-live': 'polite' }, h('p', { class: 'hint' }, 'Loading…'));
  const show = (...parts) => {
    if (scope.current) replaceChildren(body, ...parts);
  };

  const load = async () => {
    try {
      const status = await account.twoFactorStatus();
      show(status.enabled ? onView(status) : offView());
    } catch (failure) {
      show(h('p', { class: 'form-error', role: 'alert' }, `Could not load the status: ${failureMessage(failure)}`));
    }
  };

  const offView = () => {
    const error = errorLine();
    const start = h('button', {
      type: 'button', class: 'button primary',
      onclick: async () => {
        start.disabled = true;
        try {
          show(enrolView(await account.enrolTwoFactor()));
        } catch (failure) {
          error.show(failureMessage(failure));
          start.disabled = false;
        }
      },
    }, 'Set up two-factor sign-in');
    return [h('p', { class: 'status-line' }, h('span', { class: 'tag' }, 'Off'),
      ' Signing in needs only your password.'), error.line, h('div', { class: 'form-actions' }, start)];
  };

  const enrolView = ({ secret, qrSvg }) => {
    const code = checkedField('totp-confirm-code', 'Code from the app',
      h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', required: true, spellcheck: 'false' }));
    const confirm = formWith([code.wrap], 'Turn on', async () => {
      const { recoveryCodes } = await account.confirmTwoFactor(code.input.value.trim());
      show(recoveryView(recoveryCodes));
    }, { code });
    const cancel = h('button', { type: 'button', class: 'button', onclick: () => load() }, 'Cancel');
    confirm.querySelector('.form-actions').prepend(cancel);
    setTimeout(() => code.input.focus(), 0);
    return [
      h('ol', { class: 'steps' },
        h('li', {}, 'Scan this QR code with an authenticator app (such as Aegis, Google Authenticator or 1Password).',
          qrImage(qrSvg),
          h('p', { class: 'hint' }, 'Cannot scan it? Enter this key in the app instead:'),
          h('code', { class: 'totp-secret' }, groups(secret))),
        h('li', {}, 'Enter the 6-digit code the app shows to turn two-factor sign-in on.', confirm)),
    ];
  };

  const recoveryView = (codes) => {
    const done = h('button', { type: 'button', class: 'button primary', onclick: () => load() }, 'I have saved my recovery codes');
    setTimeout(() => done.focus(), 0);
    return [
      h('p', { class: 'status-line' }, h('span', { class: 'tag ok' }, 'On'), ' Two-factor sign-in is on.'),
      shownOnce({
        label: 'Recovery codes',
        warning: 'Save these recovery codes somewhere safe now: they are shown only this once. Each one signs you in once if you lose your phone.',
        value: h('ol', { class: 'recovery-codes' }, codes.map((one) => h('li', {}, h('code', {}, one)))),
        copyText: codes.join('\n'),
        copyLabel: 'Copy the codes',
      }),
      h('div', { class: 'form-actions' }, done),
    ];
  };

  const onView = (status) => {
    const password = checkedField('totp-off-password', 'Password',
      h('input', { type: 'password', autocomplete: 'current-password', required: true }));
    const code = checkedField('totp-off-code', 'Code from the app, or a recovery code',
      h('input', { type: 'text', autocomplete: 'one-time-code', required: true, spellcheck: 'false' }));
    const off = formWith([password.wrap, code.wrap], 'Turn off', async () => {
      await account.disableTwoFactor(password.input.value, code.input.value.trim());
      await load();
    }, { password, code });
    off.hidden = true;
    const ask = h('button', {
      type: 'button', class: 'button danger',
      onclick: () => {
        ask.hidden = true;
        off.hidden = false;
        password.input.focus();
      },
    }, 'Turn off two-factor sign-in');
    const left = status.recoveryCodesLeft;
    return [
      h('p', { class: 'status-line' }, h('span', { class: 'tag ok' }, 'On'),
        ' Signing in needs your password and a code from your authenticator app.'),
      h('p', { class: ['hint', left <= 2 && 'warning'] },
        `${left} recovery code${left === 1 ? '' : 's'} left.`,
        left <= 2 ? ' Turn two-factor sign-in off and on again for new ones.' : ''),
      h('div', { class: 'form-actions' }, ask), off,
    ];
  };

  load();
  return section('settings-two-factor', 'Two-factor sign-in',
    'With it on, signing in also needs a code from an app on your phone, so your password alone is not enough.', body);
}

/** A form of these fields and one submit button; wrong passwords and codes are shown at their fields. */
function formWith(wraps, label, send, fields) {
  const { password, code } = fields;
  const error = errorLine();
  const submit = h('button', { type: 'submit', class: 'button primary' }, label);
  return h('form', {
    class: 'settings-form',
    'aria-label': label,
    onsubmit: async (event) => {
      event.preventDefault();
      submit.disabled = true;
      showProblem(null, fields, error.show);
      try {
        await send();
      } catch (failure) {
        if (failure.code === 'bad_totp') {
          code.showError('That code is not right, or it was used already');
          code.input.select();
        } else if (failure.code === 'bad_password' && password) {
          password.showError('That is not your password');
        } else {
          showProblem(failure, fields, error.show);
        }
        submit.disabled = false;
      }
    },
  }, wraps, error.line, h('div', { class: 'form-actions' }, submit));
}

/** The server's QR code as an image; nothing if it is not an SVG document. */
function qrImage(svg) {
  if (typeof svg !== 'string' || !svg.trimStart().startsWith('<svg')) return null;
  return h('img', { class: 'qr-code', src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`,
    alt: 'QR code to scan with your authenticator app', width: '200', height: '200' });
}

/** A base32 key in groups of four, easier to copy by eye. */
function groups(secret) {
  return secret.match(/.{1,4}/g).join(' ');
}
