// A small emoji picker: a grid of common reactions, arrow keys to move, Enter to pick, Escape to close.

import { h, placeBeside } from '../dom.js';

export const EMOJIS = [
  ['👍', 'thumbs up'], ['❤️', 'red heart'], ['😂', 'tears of joy'], ['🎉', 'party popper'],
  ['😮', 'surprised'], ['😢', 'crying'], ['🙏', 'folded hands'], ['👀', 'eyes'],
  ['🔥', 'fire'], ['✅', 'check mark'], ['👏', 'clapping'], ['🚀', 'rocket'],
  ['😄', 'grinning'], ['🤔', 'thinking'], ['💯', 'hundred points'], ['👋', 'waving hand'],
];
const COLUMNS = 4;

let openPicker = null;

/** Opens the picker beside anchor; onPick(emoji) is called with the chosen one. */
export function pickEmoji(anchor, onPick) {
  closePicker();
  const buttons = EMOJIS.map(([emoji, name], index) => h('button', {
    type: 'button',
    class: 'emoji-option',
    role: 'gridcell',
    'aria-label': name,
    title: name,
    tabindex: index === 0 ? '0' : '-1',
    onclick: () => {
      closePicker();
      onPick(emoji);
    },
  }, emoji));
  const rows = [];
  for (let i = 0; i < buttons.length; i += COLUMNS) rows.push(h('div', { role: 'row', class: 'emoji-row' }, buttons.slice(i, i + COLUMNS)));
  const grid = h('div', { role: 'grid', class: 'emoji-grid', 'aria-label': 'Pick a reaction' }, rows);
  const picker = h('div', { class: 'emoji-picker', role: 'dialog', 'aria-label': 'Reactions' }, grid);

  grid.addEventListener('keydown', (event) => {
    const index = buttons.indexOf(document.activeElement);
    const moves = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: COLUMNS, ArrowUp: -COLUMNS };
    if (event.key in moves && index >= 0) {
      event.preventDefault();
      const next = buttons[(index + moves[event.key] + buttons.length) % buttons.length];
      buttons[index].tabIndex = -1;
      next.tabIndex = 0;
      next.focus();
    }
  });
  picker.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      closePicker();
    } else if (event.key === 'Tab') {
      event.preventDefault();
    }
  });

  document.body.append(picker);
  placeBeside(picker, anchor);
  const outside = (event) => {
    if (!picker.contains(event.target) && !anchor.contains(event.target)) closePicker();
  };
  setTimeout(() => document.addEventListener('pointerdown', outside), 0);
  openPicker = { picker, anchor, outside };
  buttons[0].focus();
}

export function closePicker() {
  if (!openPicker) return;
  const { picker, anchor, outside } = openPicker;
  openPicker = null;
  document.removeEventListener('pointerdown', outside);
  picker.remove();
  if (anchor.isConnected) anchor.focus();
}
