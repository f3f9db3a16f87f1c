// Building DOM without HTML strings: every piece of text becomes a text node, so user data can never be markup.

/**
 * Creates an element. attrs: class, text, on<Event> handlers, dataset ({...}), aria-* and other attributes
 * (set with setAttribute), and properties for a few form fields (value, checked, disabled, hidden).
 * children: nodes or strings (strings become text nodes); null, undefined and false are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (PROPERTIES.has(key)) el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'hidden', 'selected', 'multiple']);

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces an element's children with the given ones. */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** An inline SVG icon from the sprite in /icons.svg; decorative unless given a label. */
export function icon(name, label) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('class', `icon icon-${name}`);
  svg.setAttribute('viewBox', '0 0 24 24');
  if (label) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
  } else {
    svg.setAttribute('aria-hidden', 'true');
  }
  const use = document.createElementNS(ns, 'use');
  use.setAttribute('href', `/icons.svg#${name}`);
  svg.append(use);
  return svg;
}

/** A stable colour class (avatar-c0..avatar-c7) for a user id, so each person keeps one colour. */
export function colourClass(id) {
  let hash = 0;
  for (const ch of String(id)) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return `avatar-c${hash % 8}`;
}

/**
 * A rounded avatar: the person's picture when they have one (its URL names its version, so the browser keeps
 * it for good), over their initial, which shows while it loads and if it fails. Sizes: sm, md, lg, xl.
 */
export function avatar(user, size = 'md') {
  const name = user?.displayName || user?.username || '?';
  const initial = [...name.trim()][0]?.toUpperCase() ?? '?';
  const element = h('span', { class: ['avatar', `avatar-${size}`, colourClass(user?.id ?? name)], 'aria-hidden': 'true' },
    initial);
  const url = avatarUrl(user);
  if (url) {
    const picture = h('img', { class: 'avatar-img', src: url, alt: '', decoding: 'async' });
    picture.addEventListener('error', () => picture.remove());
    element.append(picture);
  }
  return element;
}

/** The user's avatar URL when they have one; only the server's own versioned path is ever used. */
export function avatarUrl(user) {
  if (!user?.hasAvatar) return null;
  const url = user.avatarUrl;
  return typeof url === 'string' && AVATAR_PATH.test(url) ? url : null;
}

const AVATAR_PATH = /^\/api\/users\/[A-Za-z0-9_-]{1,64}\/avatar\?v=\d{1,15}$/;

/** Positions a popup (position: fixed) under its anchor, or above it when there is no room, inside the window. */
export function placeBeside(popup, anchor) {
  const box = anchor.getBoundingClientRect();
  const size = popup.getBoundingClientRect();
  const margin = 8;
  let top = box.bottom + 4;
  if (top + size.height > window.innerHeight - margin) top = Math.max(margin, box.top - size.height - 4);
  const left = Math.min(Math.max(margin, box.right - size.width), window.innerWidth - size.width - margin);
  popup.style.top = `${top}px`;
  popup.style.left = `${left}px`;
}

/** The element the app draws into. */
export function appRoot() {
  return document.getElementById('app');
}

/** Announces a short message to the user in the toast area (a polite live region). */
export function toast(message, kind = 'info') {
  const area = document.getElementById('toasts');
  if (!area) return;
  const item = h('div', { class: ['toast', `toast-${kind}`] }, message);
  area.append(item);
  setTimeout(() => item.remove(), kind === 'error' ? 8000 : 4000);
}
