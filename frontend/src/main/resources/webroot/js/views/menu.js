// A menu button (the ARIA menu button pattern): the button opens a list of actions below it; arrow keys, Home
// and End move, Enter or Space picks, Escape or a click elsewhere closes and gives the focus back.

import { h, icon, placeBeside } from '../dom.js';

let openMenu = null;

/**
 * items(): [{label, icon?, onSelect(), danger?}], asked each time the menu opens. Answers the button.
 * attrs: extra attributes of the button (class, aria-label...).
 */
export function menuButton(content, items, attrs = {}) {
  const button = h('button', {
    type: 'button', class: 'icon-button', 'aria-haspopup': 'menu', 'aria-expanded': 'false', ...attrs,
    onclick: () => (openMenu?.button === button ? closeMenu() : open()),
  }, content);
  const open = () => {
    closeMenu();
    const entries = items();
    const options = entries.map((item) => h('button', {
      type: 'button', role: 'menuitem', tabindex: '-1', class: ['menu-item', item.danger && 'danger'],
      onclick: () => {
        closeMenu();
        item.onSelect();
      },
    }, item.icon ? icon(item.icon) : null, item.label));
    const menu = h('div', { class: 'menu', role: 'menu', 'aria-label': attrs['aria-label'] ?? 'Menu' }, options);
    menu.addEventListener('keydown', (event) => {
      const index = options.indexOf(document.activeElement);
      const last = options.length - 1;
      const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: last }[event.key];
      if (next !== undefined) {
        event.preventDefault();
        options[(next + options.length) % options.length].focus();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        closeMenu();
      } else if (event.key === 'Tab') {
        closeMenu(false);
      }
    });
    document.body.append(menu);
    placeBeside(menu, button);
    button.setAttribute('aria-expanded', 'true');
    const outside = (event) => {
      if (!menu.contains(event.target) && !button.contains(event.target)) closeMenu(false);
    };
    setTimeout(() => document.addEventListener('pointerdown', outside), 0);
    openMenu = { button, menu, outside };
    options[0]?.focus();
  };
  return button;
}

/** Closes the open menu, giving the focus back to its button unless the user moved it elsewhere. */
export function closeMenu(refocus = true) {
  if (!openMenu) return;
  const { button, menu, outside } = openMenu;
  openMenu = null;
  document.removeEventListener('pointerdown', outside);
  menu.remove();
  button.setAttribute('aria-expanded', 'false');
  if (refocus && button.isConnected) button.focus();
}
