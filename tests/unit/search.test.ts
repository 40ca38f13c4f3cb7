import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildIndex,
  editDistance,
  firstSentence,
  plainText,
  snippet,
  type NotesIndex,
} from '../../renderer/src/lib/search';
import { loadCorpus } from '../support/corpus';

let index: NotesIndex;
beforeAll(() => {
  index = buildIndex(loadCorpus());
});

const topNotes = (q: string, n = 3) =>
  index
    .search(q, 20)
    .filter((h) => h.kind === 'note')
    .slice(0, n)
    .map((h) => h.noteId);

describe('searching the corpus', () => {
  it.each([
    ['provisioned throughput', 'bedrock-pricing'],
    ['ROUGE', 'evaluating-fms'],
    ['BLEU translation', 'evaluating-fms'],
    ['knowledge bases', 'rag-and-knowledge-bases'],
    ['contextual grounding', 'bedrock-guardrails'],
    ['Macie', 'securing-ai-systems'],
    ['SageMaker Clarify', 'responsible-ai-tools'],
    ['few-shot', 'prompt-engineering'],
    ['jailbreak', 'prompt-risks'],
    ['forward diffusion', 'image-generation-diffusion'],
    ['JumpStart', 'bedrock-vs-sagemaker'],
    ['AWS Artifact', 'governance-compliance'],
    ['pgvector', 'vector-stores'],
    ['action groups', 'bedrock-agents'],
    ['continued pre-training', 'fine-tuning'],
    ['precision recall', 'mlops-and-metrics'],
    ['Amazon Transcribe', 'aws-ai-services'],
  ])('"%s" finds %s among the top notes', (query, noteId) => {
    expect(topNotes(query)).toContain(noteId);
  });

  it('matches prefixes while typing', () => {
    expect(topNotes('embedd', 5)).toContain('genai-building-blocks');
  });

  it('forgives a typo', () => {
    expect(topNotes('guardrials', 5)).toContain('bedrock-guardrails');
  });

  it('finds glossary terms by alias', () => {
    const hit = index.search('RAG', 20).find((h) => h.kind === 'term');
    expect(hit?.title.toLowerCase()).toContain('retrieval');
    expect(hit?.slug).toBeTruthy();
  });

  it('highlights the words it matched', () => {
    const [hit] = index.search('provisioned throughput');
    const marked = hit!.snippet.filter((p) => p.hit).map((p) => p.text.toLowerCase());
    expect(marked.some((t) => t.startsWith('provisioned') || t.startsWith('throughput'))).toBe(
      true,
    );
  });

  it('returns nothing for an empty query', () => {
    expect(index.search('   ')).toEqual([]);
  });

  it('shows a glossary hit with the first sentence of its definition', () => {
    const hit = index.search('temperature', 20).find((h) => h.kind === 'term');
    const text = hit!.snippet.map((p) => p.text).join('');
    expect(text.length).toBeGreaterThan(20);
    expect(text).toMatch(/[.!?]$/);
    const entry = loadCorpus().glossary.find((g) => g.slug === hit!.slug)!;
    expect(text).toBe(firstSentence(entry.definition));
  });
});

describe('the relevance cut-off', () => {
  it.each([
    ['temperature', 'inference-parameters'],
    ['rag chunking', 'rag-and-knowledge-bases'],
    ['guardrail pii', 'bedrock-guardrails'],
    ['bedrock pricing', 'bedrock-pricing'],
    ['prompt injection', 'prompt-risks'],
    ['pii redaction guardrail', 'bedrock-guardrails'],
    ['Claude', 'bedrock-overview'],
  ])('keeps real queries: "%s" still finds %s', (query, noteId) => {
    expect(topNotes(query, 5)).toContain(noteId);
  });

  it.each(['kubernetes helm chart', 'docker container', 'xyzzy', 'kubernetes'])(
    'admits that "%s" matches nothing',
    (query) => {
      expect(index.search(query)).toEqual([]);
    },
  );

  it('drops the weak tail of prefix and fuzzy matches', () => {
    const hits = index.search('ROUGE', 50);
    const top = hits[0]!.score;
    expect(hits.every((h) => h.score >= top * 0.05)).toBe(true);
  });
});

describe('suggestions for a query that matches nothing', () => {
  it.each([
    ['temprature', 'temperature'],
    ['finetuning', 'fine-tuning'],
    ['hallucinaton', 'Hallucination'],
  ])('"%s" suggests %s', (query, term) => {
    expect(index.suggest(query).map((s) => s.term.toLowerCase())).toContain(term.toLowerCase());
  });

  it('suggests nothing when no term name is near', () => {
    expect(index.suggest('kubernetes')).toEqual([]);
    expect(index.suggest('xyzzy')).toEqual([]);
  });

  it('gives each suggestion a glossary slug', () => {
    const [first] = index.suggest('embedings');
    expect(first?.slug).toBeTruthy();
  });

  it('measures edit distance', () => {
    expect(editDistance('temprature', 'temperature')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('a short text', () => {
  it('is shown whole, from its start, even when the match is near its end', () => {
    const text = 'A sampling rule, shaped by '.repeat(4) + 'temperature.';
    const parts = snippet(text, ['temperature'], text.length);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.hit)).toEqual([{ text: 'temperature', hit: true }]);
  });
});

describe('firstSentence', () => {
  it('stops at the first full stop followed by a space', () => {
    expect(firstSentence('One thing. Two things.')).toBe('One thing.');
    expect(firstSentence('No stop at all')).toBe('No stop at all');
    expect(firstSentence('Uses v1.2 models. More.')).toBe('Uses v1.2 models.');
  });
});

describe('empty queries', () => {
  it('returns nothing for an empty query', () => {
    expect(index.search('   ')).toEqual([]);
  });
});

describe('snippet', () => {
  it('centres on the first match and marks every match', () => {
    const text =
      'Alpha beta gamma. '.repeat(20) +
      'Here the model uses temperature to sample. Later temperature again.';
    const parts = snippet(text, ['temperature'], 80);
    expect(parts[0]).toEqual({ text: '… ', hit: false });
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toContain('temperature');
    expect(parts.map((p) => p.text).join('').length).toBeLessThanOrEqual(80 + 4);
  });

  it('is case-insensitive and escapes regex characters in terms', () => {
    const parts = snippet('Use C++ (or Python) for Top-p.', ['c++', 'top-p']);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['C++', 'Top-p']);
  });
});

describe('plainText', () => {
  it('drops Markdown syntax but keeps link text and words', () => {
    expect(
      plainText(
        '> [!TIP]\n> Use **[RAG](note:rag-and-knowledge-bases)** for `facts`.\n\n| a | b |\n|---|---|\n| 1 | 2 |',
      ),
    ).toBe('Use RAG for facts . a b 1 2');
  });
});
