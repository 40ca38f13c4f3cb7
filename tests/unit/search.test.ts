import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, plainText, snippet, type NotesIndex } from '../../renderer/src/lib/search';
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
