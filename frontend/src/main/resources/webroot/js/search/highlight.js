// A search result's highlight, shown without ever becoming markup: the server sends the fragment as HTML with
// every character escaped and the matched words in <mark>; it is parsed in an inert document (nothing in it runs
// or loads) and only its text and its marks are rebuilt here, as text nodes and new <mark> elements.

import { h } from '../dom.js';

export function highlighted(html) {
  const parsed = new DOMParser().parseFromString(`<body>${html ?? ''}</body>`, 'text/html');
  const nodes = [];
  for (const node of parsed.body.childNodes) {
    if (node.nodeName === 'MARK') nodes.push(h('mark', {}, node.textContent));
    else nodes.push(document.createTextNode(node.textContent));
  }
  return nodes;
}
