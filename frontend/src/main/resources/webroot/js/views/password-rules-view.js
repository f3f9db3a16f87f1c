// The password rules as a list ticked off while the user types (sign-up and the password change): met,
// broken, or not known until the server answers (a commonly used password).

import { h } from '../dom.js';
import { PASSWORD_RULES, ruleOfServerMessage } from '../password-rules.js';

/** {list, show(password, username, serverBroken?), brokenByServer(failure)}; the list has the given id. */
export function passwordRulesView(id) {
  const items = new Map(PASSWORD_RULES.map((rule) => [rule.id, h('li', { class: 'rule', dataset: { rule: rule.id } },
    h('span', { class: 'rule-mark', 'aria-hidden': 'true' }), h('span', { class: 'rule-label' }, rule.label),
    h('span', { class: 'visually-hidden rule-status' }))]));
  const list = h('ul', { class: 'rules', id, 'aria-label': 'Password rules' }, [...items.values()]);
  return {
    list,
    /** Ticks each rule for this password; serverBroken: ids of rules the server said are broken. */
    show(password, username, serverBroken = []) {
      for (const rule of PASSWORD_RULES) {
        const item = items.get(rule.id);
        let met = rule.check(password, username);
        if (serverBroken.includes(rule.id)) met = false;
        item.classList.toggle('met', met === true);
        item.classList.toggle('broken', met === false && password.length > 0);
        item.querySelector('.rule-status').textContent = met === true ? ' (met)' : met === false ? ' (not met)' : '';
      }
    },
    /** The ids of the rules a weak_password answer names. */
    brokenByServer(failure) {
      return (failure?.errors ?? []).map((e) => ruleOfServerMessage(e.message)).filter(Boolean).map((rule) => rule.id);
    },
  };
}

/** Whether the password breaks a rule the page can check by itself. */
export function breaksARule(password, username) {
  return PASSWORD_RULES.some((rule) => rule.check(password, username) === false);
}
