// @username and @room in a rendered message become highlighted spans: the signed-in user's own name (and
// @room, which mentions everyone) more strongly. Code and links are left as they are.

/** An @ not glued to a word (so "ann@example.com" is no mention), then a name as usernames are made. */
const TOKEN = /(^|[^A-Za-z0-9_.@-])@([A-Za-z0-9_.-]*[A-Za-z0-9_])/g;
const SKIPPED = 'a, code, pre';

/**
 * Which @names of a message are mentions, answering 'me', 'room', 'other' or null. A stored message's
 * `mentions` (user ids, left out when none) and `mentionsRoom` decide, as the server read them; a message not
 * stored yet (in the outbox) highlights any well-formed @name.
 */
export function mentionKinds(message, me, users) {
  const own = me?.username?.toLowerCase();
  const kind = (name) => (name === 'room' ? 'room' : name === own ? 'me' : 'other');
  if (!message.id) {
    return (name) => (name.length >= 3 && name.length <= 32 ? kind(name.toLowerCase()) : null);
  }
  const named = new Set((message.mentions ?? []).map((id) => users.get(id)?.username?.toLowerCase()).filter(Boolean));
  return (name) => {
    const key = name.toLowerCase();
    if (key === 'room') return message.mentionsRoom ? 'room' : null;
    return named.has(key) ? kind(key) : null;
  };
}

/** Wraps each mention in the fragment's text in a span.mention (with mention-me or mention-room). */
export function highlightMentions(fragment, kindOf) {
  const walker = document.createTreeWalker(fragment, NodeFilter.SHOW_TEXT);
  const texts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue.includes('@') && !node.parentElement?.closest(SKIPPED)) texts.push(node);
  }
  for (const node of texts) {
    const parts = split(node.nodeValue, kindOf);
    if (parts.length > 1) node.replaceWith(...parts);
  }
  return fragment;
}

function split(text, kindOf) {
  const parts = [];
  let start = 0;
  for (const match of text.matchAll(TOKEN)) {
    const kind = kindOf(match[2]);
    if (!kind) continue;
    const at = match.index + match[1].length;
    if (at > start) parts.push(text.slice(start, at));
    const span = document.createElement('span');
    span.className = kind === 'other' ? 'mention' : `mention mention-${kind}`;
    span.textContent = `@${match[2]}`;
    parts.push(span);
    start = at + 1 + match[2].length;
  }
  if (parts.length && start < text.length) parts.push(text.slice(start));
  return parts;
}
