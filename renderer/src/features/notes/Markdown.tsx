/**
 * Renders a note's Markdown safely: react-markdown never renders raw HTML; links are routed by
 * kind (another note, a glossary term, an external https page) and nothing else is clickable.
 */
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { Link } from 'wouter';
import { remarkCallouts } from '../../lib/remark-callouts';
import { CORPUS } from '../../content/corpus';
import { rehypeMarkPassage, type PassageRange } from './passage-target';

const bySlug = new Map(CORPUS.glossary.map((g) => [g.slug, g]));

/** Keeps only the link kinds the notes use; everything else becomes inert. */
export function safeUrl(url: string): string {
  if (/^(note|glossary):[a-z0-9-]+$/.test(url)) return url;
  if (/^https:\/\//i.test(url)) return url;
  return '';
}

const components: Components = {
  a({ href, children }) {
    const url = href ?? '';
    if (url.startsWith('note:')) {
      const id = url.slice(5);
      return CORPUS.noteById.has(id) ? (
        <Link href={`/notes/${id}`}>{children}</Link>
      ) : (
        <span>{children}</span>
      );
    }
    if (url.startsWith('glossary:')) {
      const entry = bySlug.get(url.slice(9));
      return entry ? (
        <Link href={`/glossary/${entry.slug}`} className="term-link" title={entry.definition}>
          {children}
        </Link>
      ) : (
        <span>{children}</span>
      );
    }
    if (url.startsWith('https://')) {
      return (
        <a href={url} target="_blank" rel="noreferrer noopener">
          {children}
        </a>
      );
    }
    return <span>{children}</span>;
  },
  table({ children }) {
    return (
      <div className="table-wrap">
        <table>{children}</table>
      </div>
    );
  },
};

/** `passage`: source characters of `children` to mark (see ./passage-target). */
export function Markdown({
  children,
  passage = null,
}: {
  children: string;
  passage?: PassageRange | null;
}) {
  return (
    <ReactMarkdown
      remarkPlugins={[remarkGfm, remarkCallouts]}
      rehypePlugins={passage ? [rehypeSlug, [rehypeMarkPassage, passage, children]] : [rehypeSlug]}
      urlTransform={safeUrl}
      components={components}
      skipHtml
    >
      {children}
    </ReactMarkdown>
  );
}
