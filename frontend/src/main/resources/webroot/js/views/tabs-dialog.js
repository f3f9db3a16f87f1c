// A dialog of tabs, one section each ("Your account", a room's settings): the ARIA tabs pattern, arrow keys,
// Home and End moving between tabs; a section's panel is drawn afresh each time its tab is chosen, and what
// it listened to is let go when it is left.

import { h, icon, replaceChildren } from '../dom.js';
import { openDialog } from './dialog.js';

/**
 * sections: [{id, label, icon, draw(ctx, scope)}]; idPrefix names the tabs and panel (`${idPrefix}-tab-${id}`,
 * `${idPrefix}-panel`); first: the id of the section to show. Answers {dialog, close, show(id)}.
 */
export function tabsDialog({ title, label, idPrefix, sections, ctx, first }) {
  const panelId = `${idPrefix}-panel`;
  const tabs = sections.map((section) => h('button', {
    type: 'button',
    role: 'tab',
    id: `${idPrefix}-tab-${section.id}`,
    class: 'settings-tab',
    'aria-controls': panelId,
    dataset: { section: section.id },
    onclick: () => show(section.id),
  }, icon(section.icon), h('span', {}, section.label)));
  const tablist = h('div', { class: 'settings-tabs', role: 'tablist', 'aria-label': label }, tabs);
  const panel = h('div', { class: 'settings-panel', id: panelId, role: 'tabpanel', tabindex: '0' });
  let leaving = [];
  let drawn = 0;

  const show = (id, focusTab = false) => {
    const index = Math.max(0, sections.findIndex((section) => section.id === id));
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
    replaceChildren(panel, sections[index].draw({ ...ctx, openSection: (next) => show(next, true) }, scope));
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
    show(sections[(next + tabs.length) % tabs.length].id, true);
  });

  const { dialog, close } = openDialog({
    title,
    className: 'dialog-settings',
    body: h('div', { class: 'settings' }, tablist, panel),
  });
  dialog.addEventListener('close', leave);
  show(first, true);
  return { dialog, close, show };
}
