// Message text is Markdown source. It is rendered to the contract's safe subset in two steps, each with a
// library from its WebJar (index.html loads both): markdown-it turns the source into HTML with raw HTML
// disabled (so any markup a message holds comes out escaped, as text), and DOMPurify parses that HTML into
// a DOM fragment keeping only the subset's elements and attributes. Nothing here builds HTML from the text.

/** The elements of the subset: paragraphs and line breaks, emphasis, strike, code, quotes, lists, links. */
const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a'];
/** href on links, start on a numbered list that does not begin at 1; nothing else (no class, style, title, on*). */
const ALLOWED_ATTR = ['href', 'start'];
const SAFE_LINK = /^(?:https?|mailto):/i;

let renderer;

/** The Markdown of a message as a fragment of safe elements, ready to insert. */
export function markdownFragment(text) {
  renderer ??= makeRenderer();
  if (!renderer) {
    // A library failed to load: the text is still shown, as text, line breaks kept.
    const fragment = document.createDocumentFragment();
    const plain = document.createElement('p');
    plain.className = 'plain-text';
    plain.textContent = text;
    fragment.append(plain);
    return fragment;
  }
  return renderer(text);
}

function makeRenderer() {
  const { markdownit, DOMPurify } = window;
  if (typeof markdownit !== 'function' || typeof DOMPurify !== 'function') return null;

  // breaks: a new line in a chat message is a line break. linkify: written-out http(s) and mailto addresses
  // become links; fuzzy ones ("notes.md") stay text.
  const md = markdownit({ html: false, linkify: true, breaks: true, typographer: false });
  md.linkify.set({ fuzzyLink: false });
  // Outside the subset: images, headings, tables, rules, indented code and reference definitions stay text.
  md.disable(['image', 'heading', 'lheading', 'table', 'hr', 'code', 'reference']);
  // Only http, https and mailto links are made; any other link (javascript:, data:, relative) stays text.
  md.validateLink = (url) => SAFE_LINK.test(url.trim());

  // An instance of its own, so its hook touches no other use of DOMPurify.
  const purify = DOMPurify(window);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  const config = {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    // Every other attribute's value must match this too, unless named as never holding a URI.
    ALLOWED_URI_REGEXP: SAFE_LINK,
    ADD_URI_SAFE_ATTR: ['start'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  };
  return (text) => purify.sanitize(md.render(text), config);
}
