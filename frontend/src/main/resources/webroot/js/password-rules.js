// The contract's sign-up rules, checked as the user types. Whether a password is a commonly used one only
// the server knows (its list has tens of thousands of entries): that rule is settled by the server's answer.

export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{3,32}$/;
const MIN_CHARS = 10;
const MAX_CHARS = 256;

/** Each rule: id, label, and check(password, username) -> true, false, or null when only the server can tell. */
export const PASSWORD_RULES = [
  {
    id: 'length',
    label: `At least ${MIN_CHARS} characters`,
    check: (password) => [...password].length >= MIN_CHARS && [...password].length <= MAX_CHARS,
  },
  {
    id: 'username',
    label: 'Does not contain your username',
    check: (password, username) => password.length > 0
      && !(username && password.toLowerCase().includes(username.toLowerCase())),
  },
  {
    id: 'common',
    label: 'Not a commonly used password',
    check: () => null,
    serverMessage: 'is a commonly used password',
  },
];

/** The rule a server error message is about, if any. */
export function ruleOfServerMessage(message) {
  return PASSWORD_RULES.find((rule) => rule.serverMessage && message.includes(rule.serverMessage)) ?? null;
}
