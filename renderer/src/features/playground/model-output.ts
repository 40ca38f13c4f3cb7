/**
 * Renders a model's answer as Markdown, safely. (Plain .ts with createElement, so unit tests in
 * the Node project can import it.) Model output is untrusted text, so it gets less
 * than a note does:
 * - Raw HTML is never rendered. Unlike the notes (which drop it), it is shown as literal text, so
 *   the learner sees exactly what the model wrote: `<script>` is a string on screen, not code.
 * - Links are not clickable. The text is kept and the address is shown beside it: models invent
 *   plausible URLs, and a live link would lend them authority (and a one-click path to a
 *   phishing page). There are no note:/glossary: links here either; those belong to the notes.
 * - Markdown images are not loaded (no request leaves the app); their alt text and address are
 *   shown instead.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Html, Parent, Root } from 'mdast';
import { createElement as h, type ReactElement } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { visit, SKIP } from 'unist-util-visit';

/** Turns every raw HTML node into plain text: a paragraph at block level, a text run inline. */
export function remarkHtmlAsText() {
  return (tree: Root) => {
    visit(tree, 'html', (node: Html, index, parent: Parent | undefined) => {
      if (!parent || index === undefined) return;
      const text = { type: 'text' as const, value: node.value };
      const inline = PHRASING_PARENTS.has(parent.type);
      parent.children.splice(
        index,
        1,
        // Block-level HTML sits directly in the root, a list item or a blockquote.
        (inline ? text : { type: 'paragraph', children: [text] }) as Parent['children'][number],
      );
      return [SKIP, index + 1];
    });
  };
}

const PHRASING_PARENTS = new Set([
  'paragraph',
  'heading',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'tableCell',
]);

/** No address survives into the DOM: links and images are rebuilt as text by `components`. */
const noUrl = () => '';

const components: Components = {
  a({ node, children }) {
    const href = typeof node?.properties.dataHref === 'string' ? node.properties.dataHref : '';
    const label = typeof children === 'string' ? children : null;
    return h(
      'span',
      { className: 'model-link', title: 'Links in model output are not clickable' },
      children,
      href && href !== label ? h('span', { className: 'model-link-url' }, ` (${href})`) : null,
    );
  },
  img({ node }) {
    const alt = typeof node?.properties.alt === 'string' ? node.properties.alt : '';
    const src = typeof node?.properties.dataSrc === 'string' ? node.properties.dataSrc : '';
    return h(
      'span',
      { className: 'model-image-placeholder' },
      `[image${alt ? `: ${alt}` : ''}${src ? ` (${src})` : ''}, not loaded]`,
    );
  },
  table({ children }) {
    return h('div', { className: 'table-wrap' }, h('table', null, children));
  },
};

/**
 * Keeps each link's and image's address as a data attribute (text, never a live URL) before
 * react-markdown's URL transform blanks `href` and `src`.
 */
function rehypeKeepAddresses() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'a' && typeof node.properties.href === 'string') {
        node.properties.dataHref = node.properties.href;
      }
      if (node.tagName === 'img' && typeof node.properties.src === 'string') {
        node.properties.dataSrc = node.properties.src;
      }
    });
  };
}

/** A model's answer as safe Markdown (see the module comment for what is and is not rendered). */
export function ModelOutput({ text }: { text: string }): ReactElement {
  return h(
    ReactMarkdown,
    {
      remarkPlugins: [remarkGfm, remarkHtmlAsText],
      rehypePlugins: [rehypeKeepAddresses],
      urlTransform: noUrl,
      components,
    },
    text,
  );
}
