import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GROUNDED_TEMPLATE,
  fillTemplate,
  formatSources,
  SEARCH_RESULTS,
  templateProblems,
} from '../../renderer/src/lib/rag/grounded-prompt';

describe('the grounded prompt template', () => {
  const sources = [
    { title: 'RAG', text: '  Retrieve, then generate.\n' },
    { title: 'Vector stores', text: 'OpenSearch Serverless holds vectors.' },
  ];

  it('numbers the sources [1]..[n] with their titles', () => {
    expect(formatSources(sources)).toBe(
      '[1] (RAG)\nRetrieve, then generate.\n\n[2] (Vector stores)\nOpenSearch Serverless holds vectors.',
    );
  });

  it('puts the sources where $search_results$ is (every occurrence), or says none came', () => {
    const filled = fillTemplate(`Before\n${SEARCH_RESULTS}\nAfter ${SEARCH_RESULTS}`, sources);
    expect(filled.split('[1] (RAG)')).toHaveLength(3);
    expect(filled).not.toContain(SEARCH_RESULTS);
    expect(fillTemplate(DEFAULT_GROUNDED_TEMPLATE, [])).toContain('(no sources were retrieved)');
    expect(fillTemplate(DEFAULT_GROUNDED_TEMPLATE, sources)).toMatch(/cite it by its number/);
  });

  it('refuses a template without $search_results$', () => {
    expect(templateProblems(DEFAULT_GROUNDED_TEMPLATE)).toEqual([]);
    expect(templateProblems('Answer the question.')).toEqual([
      'The template must contain $search_results$ where the numbered sources go.',
    ]);
  });
});
