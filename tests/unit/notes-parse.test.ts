import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import {
  buildCorpus,
  compareNotes,
  ContentError,
  isExamWide,
  internalLinks,
  parseGlossary,
  parseNote,
} from '../../shared/notes';
import { remarkCallouts } from '../../renderer/src/lib/remark-callouts';

const front = (extra = '') => `---
id: sample-note
title: A sample note
domain: 2
tasks: ['2.1', '3.1']
order: 1
summary: A short summary that is long enough.
keyTerms: ['token']
lastReviewed: 2026-11-23
${extra}---
`;

describe('parseNote', () => {
  it('reads front matter, body, headings with GitHub slugs and word count', () => {
    const note = parseNote(
      'sample-note.md',
      `${front()}Intro words here.\n\n## What is a token?\n\nText.\n\n### Worked example: 3 tokens\n\n\`\`\`\n## not a heading\n\`\`\`\n\n## What is a token?\n`,
    );
    expect(note.id).toBe('sample-note');
    expect(note.headings).toEqual([
      { depth: 2, text: 'What is a token?', slug: 'what-is-a-token' },
      { depth: 3, text: 'Worked example: 3 tokens', slug: 'worked-example-3-tokens' },
      { depth: 2, text: 'What is a token?', slug: 'what-is-a-token-1' },
    ]);
    // "Intro words here." + 3 headings' words + "Text." (code is not counted)
    expect(note.wordCount).toBe(3 + 4 + 4 + 1 + 4);
  });

  it.each([
    ['no front matter', 'Just text', /missing front matter/],
    ['bad YAML', '---\nid: [unclosed\n---\nx', /not valid YAML/],
    ['a wrong domain', front().replace('domain: 2', 'domain: 9'), /domain/],
    ['an unknown field', front('colour: blue\n'), /colour|Unrecognized/i],
    [
      'a task outside the domain',
      front().replace("tasks: ['2.1', '3.1']", "tasks: ['3.1']"),
      /first task/,
    ],
    ['a bad date', front().replace('2026-11-23', '23/11/2026'), /lastReviewed/],
  ])('rejects %s with a message naming the file', (_label, raw, pattern) => {
    expect(() => parseNote('content/notes/x.md', raw)).toThrow(ContentError);
    expect(() => parseNote('content/notes/x.md', raw)).toThrow(pattern);
    expect(() => parseNote('content/notes/x.md', raw)).toThrow(/content\/notes\/x\.md/);
  });
});

describe('exam-wide notes (domain 0)', () => {
  const examWide = (tasks: string) =>
    front().replace('domain: 2', 'domain: 0').replace("tasks: ['2.1', '3.1']", `tasks: ${tasks}`);

  it('accepts domain 0 with no task statements, and sorts it before every domain', () => {
    const note = parseNote('content/notes/x.md', `${examWide('[]')}Body.\n`);
    expect(note.domain).toBe(0);
    expect(isExamWide(note)).toBe(true);
    const domainNote = parseNote('content/notes/y.md', `${front()}Body.\n`);
    expect(isExamWide(domainNote)).toBe(false);
    expect(compareNotes(note, domainNote)).toBeLessThan(0);
  });

  it.each([
    ['domain 0 with a task statement', examWide("['1.1']"), /tasks.*exam-wide/],
    ['a domain note with no task statements', front().replace("['2.1', '3.1']", '[]'), /tasks/],
    ['a negative domain', front().replace('domain: 2', 'domain: -1'), /domain/],
  ])('rejects %s', (_label, raw, pattern) => {
    expect(() => parseNote('content/notes/x.md', `${raw}Body.\n`)).toThrow(pattern);
  });
});

describe('parseGlossary', () => {
  it('adds slugs and rejects malformed entries', () => {
    const entries = parseGlossary(
      'g.json',
      JSON.stringify([
        {
          term: 'Top-p (nucleus sampling)',
          definition: 'Keeps the smallest set of tokens whose probabilities add up to p.',
          note: 'inference-parameters',
        },
      ]),
    );
    expect(entries[0]?.slug).toBe('top-p-nucleus-sampling');
    expect(() => parseGlossary('g.json', '[{"term":"x"}]')).toThrow(/g\.json/);
    expect(() => parseGlossary('g.json', '{')).toThrow(/not valid JSON/);
  });
});

describe('internalLinks', () => {
  it('finds note and glossary links outside code', () => {
    expect(
      internalLinks(
        'See [RAG](note:rag-and-knowledge-bases) and [tokens](glossary:token).\n```\n[x](note:in-code)\n```\n[web](https://aws.amazon.com)',
      ),
    ).toEqual([
      { kind: 'note', target: 'rag-and-knowledge-bases' },
      { kind: 'glossary', target: 'token' },
    ]);
  });
});

describe('buildCorpus', () => {
  it('orders notes by domain, home task and order, and indexes terms and aliases', () => {
    const n = (id: string, domain: number, task: string, order: number) => ({
      file: `${id}.md`,
      raw: front()
        .replace('sample-note', id)
        .replace('domain: 2', `domain: ${domain}`)
        .replace("tasks: ['2.1', '3.1']", `tasks: ['${task}']`)
        .replace('order: 1', `order: ${order}`),
    });
    const corpus = buildCorpus(
      [n('c', 3, '3.1', 1), n('b', 2, '2.2', 1), n('a', 2, '2.1', 2), n('z', 2, '2.1', 1)],
      [
        {
          file: 'g.json',
          raw: JSON.stringify([
            {
              term: 'Retrieval-augmented generation',
              definition: 'Adds retrieved passages to a prompt.',
              note: 'c',
              aliases: ['RAG'],
            },
          ]),
        },
      ],
    );
    expect(corpus.notes.map((x) => x.id)).toEqual(['z', 'a', 'b', 'c']);
    expect(corpus.termIndex.get('rag')?.slug).toBe('retrieval-augmented-generation');
  });
});

describe('remarkCallouts', () => {
  const run = (md: string) => {
    const processor = unified().use(remarkParse).use(remarkCallouts);
    return processor.runSync(processor.parse(md)) as Root;
  };

  it('turns a GitHub alert into an aside with Stratum’s title', () => {
    const tree = run('> [!TIP]\n> Temperature changes randomness, not knowledge.');
    const quote = tree.children[0]!;
    expect(quote.data).toMatchObject({
      hName: 'aside',
      hProperties: { className: ['callout', 'callout-tip'] },
    });
    const [title, body] = (quote as { children: { children: { value: string }[] }[] }).children;
    expect(title?.children[0]?.value).toBe('Exam tip');
    expect(body?.children[0]?.value).toBe('Temperature changes randomness, not knowledge.');
  });

  it('labels a warning as a common trap and leaves plain quotes alone', () => {
    const tree = run('> [!WARNING]\n> Trap.\n\n> Just a quote.');
    expect((tree.children[0] as { data?: unknown }).data).toMatchObject({ hName: 'aside' });
    expect((tree.children[1] as { data?: unknown }).data).toBeUndefined();
  });
});
