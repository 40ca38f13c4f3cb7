/**
 * A remark plugin for the notes' callouts, written as GitHub alerts (`> [!TIP]` on the first line
 * of a blockquote). It turns them into <aside class="callout callout-tip"> with a visible title,
 * using Stratum's labels ("Exam tip", "Common trap"). Pure: no DOM.
 */
import type { Blockquote, Paragraph, Root } from 'mdast';
import { visit } from 'unist-util-visit';

export const CALLOUTS = {
  TIP: 'Exam tip',
  WARNING: 'Common trap',
  NOTE: 'Note',
  IMPORTANT: 'Key point',
  CAUTION: 'Caution',
} as const;
export type CalloutKind = keyof typeof CALLOUTS;

const MARKER = /^\[!(TIP|WARNING|NOTE|IMPORTANT|CAUTION)\][ \t]*(\r?\n)?/;

export function remarkCallouts() {
  return (tree: Root) => {
    visit(tree, 'blockquote', (node: Blockquote) => {
      const first = node.children[0];
      if (first?.type !== 'paragraph') return;
      const text = first.children[0];
      if (text?.type !== 'text') return;
      const match = MARKER.exec(text.value);
      if (!match) return;
      const kind = match[1] as CalloutKind;
      text.value = text.value.slice(match[0].length);
      if (text.value.length === 0) first.children.shift();
      if (first.children.length === 0) node.children.shift();
      const title: Paragraph = {
        type: 'paragraph',
        children: [{ type: 'text', value: CALLOUTS[kind] }],
        data: { hProperties: { className: ['callout-title'] } },
      };
      node.children.unshift(title);
      node.data = {
        hName: 'aside',
        hProperties: { className: ['callout', `callout-${kind.toLowerCase()}`] },
      };
    });
  };
}
