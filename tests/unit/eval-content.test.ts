/**
 * The evaluation lab's built-in datasets (content/eval and the bank): valid, resolvable and
 * consistent with the notes they come from.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ScenarioFile,
  SummaryFile,
  classificationItems,
  classificationLabels,
  domainTitle,
  noteSection,
  questionAnsweringItems,
  sectionText,
  summarisationItems,
  toDatasetRow,
} from '../../renderer/src/lib/eval/builtin';
import { EXAM_GUIDE } from '../../shared/exam-guide';
import { checkDatasetLine, toJsonLine } from '../../shared/eval-dataset';
import { QuestionFile } from '../../shared/questions';
import { CONTENT_DIR, loadCorpus } from '../support/corpus';

const corpus = loadCorpus();
const readJson = (...path: string[]): unknown =>
  JSON.parse(readFileSync(join(CONTENT_DIR, ...path), 'utf8'));
const summaries = SummaryFile.parse(readJson('eval', 'summarisation.json'));
const scenarios = ScenarioFile.parse(readJson('eval', 'classification.json'));
const questionsDir = join(CONTENT_DIR, 'questions');
const bank = readdirSync(questionsDir)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => QuestionFile.parse(JSON.parse(readFileSync(join(questionsDir, f), 'utf8'))));
const taskIds = new Set(EXAM_GUIDE.domains.flatMap((d) => d.tasks.map((t) => t.id)));

const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-Z0-9"“])/).length;

describe('summarisation set', () => {
  it('has at least 30 sections, each id unique, each reference 2-3 sentences', () => {
    expect(summaries.length).toBeGreaterThanOrEqual(30);
    expect(new Set(summaries.map((s) => s.id)).size).toBe(summaries.length);
    for (const s of summaries) {
      expect(sentences(s.reference), s.id).toBeGreaterThanOrEqual(2);
      expect(sentences(s.reference), s.id).toBeLessThanOrEqual(3);
    }
  });

  it('points every entry at a real heading of a real note, with text under it', () => {
    for (const s of summaries) {
      const note = corpus.noteById.get(s.noteId);
      expect(note, `${s.id}: note ${s.noteId}`).toBeDefined();
      expect(
        note?.headings.map((h) => h.text),
        `${s.id}: heading "${s.heading}"`,
      ).toContain(s.heading);
    }
    const items = summarisationItems(summaries, corpus.noteById);
    for (const item of items) {
      expect(item.prompt.split(' ').length, item.id).toBeGreaterThanOrEqual(50);
      // A summary is shorter than what it summarises.
      expect((item.referenceResponse ?? '').length, item.id).toBeLessThan(item.prompt.length);
    }
  });

  it('draws from many notes, not one', () => {
    expect(new Set(summaries.map((s) => s.noteId)).size).toBeGreaterThanOrEqual(20);
  });

  it('refuses a heading the note does not have', () => {
    const bad = [{ ...summaries[0]!, heading: 'No such heading' }];
    expect(() => summarisationItems(bad, corpus.noteById)).toThrow(/no section "No such heading"/);
  });
});

describe('noteSection', () => {
  const body = [
    '## A',
    'one',
    '### A.1',
    'two',
    '```',
    '## not a heading',
    '```',
    '## B',
    'three',
  ].join('\n');
  it('takes a ## section with its ### subsections, up to the next ## outside code', () => {
    expect(noteSection(body, 'A')).toBe(
      ['one', '### A.1', 'two', '```', '## not a heading', '```'].join('\n'),
    );
    expect(noteSection(body, 'A.1')).toBe(['two', '```', '## not a heading', '```'].join('\n'));
    expect(noteSection(body, 'B')).toBe('three');
    expect(noteSection(body, 'not a heading')).toBeNull();
  });
});

describe('sectionText', () => {
  it('keeps words, names and list structure, and drops Markdown marks', () => {
    const markdown = [
      'With [tool use](glossary:tool-use), call `get_order_status`.',
      '',
      '',
      '> [!WARNING]',
      '> The model *asks*; **your code** acts.',
      '- **Scale**: many calls',
    ].join('\n');
    expect(sectionText(markdown)).toBe(
      [
        'With tool use, call get_order_status.',
        '',
        'The model asks; your code acts.',
        '- Scale: many calls',
      ].join('\n'),
    );
  });
});

describe('classification set', () => {
  it('has at least 40 scenarios over all five domains, ids unique', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(scenarios.length);
    const byDomain = new Map<string, number>();
    for (const s of scenarios) byDomain.set(s.task[0]!, (byDomain.get(s.task[0]!) ?? 0) + 1);
    expect([...byDomain.keys()].sort()).toEqual(['1', '2', '3', '4', '5']);
    for (const count of byDomain.values()) expect(count).toBeGreaterThanOrEqual(5);
  });

  it('labels each scenario with a real task statement that its note teaches', () => {
    for (const s of scenarios) {
      expect(taskIds.has(s.task), `${s.id}: task ${s.task}`).toBe(true);
      const note = corpus.noteById.get(s.noteId);
      expect(note, `${s.id}: note ${s.noteId}`).toBeDefined();
      expect(note?.tasks, `${s.id}: ${s.noteId} teaches ${s.task}`).toContain(s.task);
    }
  });

  it('names only services its note covers, and never gives the answer away in the text', () => {
    for (const s of scenarios.filter((x) => x.service)) {
      const service = s.service as string;
      const body = corpus.noteById.get(s.noteId)?.body ?? '';
      expect(body.toLowerCase(), `${s.id}: ${s.noteId} mentions ${service}`).toContain(
        service.toLowerCase(),
      );
      const core = service.replace(/^(Amazon|AWS) /, '').replace(/^SageMaker /, '');
      expect(s.text.toLowerCase(), `${s.id} names its own answer`).not.toContain(
        core.toLowerCase(),
      );
    }
  });

  it('builds items per label kind with labels in range', () => {
    const domains = classificationItems(scenarios, 'domain');
    expect(domains).toHaveLength(scenarios.length);
    expect(classificationLabels(scenarios, 'domain')).toEqual(['1', '2', '3', '4', '5']);
    for (const item of domains)
      expect(domainTitle(Number(item.referenceResponse)).length).toBeGreaterThan(0);
    const services = classificationItems(scenarios, 'service');
    expect(services.length).toBeGreaterThanOrEqual(20);
    expect(classificationLabels(scenarios, 'service').length).toBeGreaterThanOrEqual(15);
    expect(() => domainTitle(6)).toThrow(RangeError);
  });
});

describe('question answering set (from the bank)', () => {
  const items = questionAnsweringItems(bank);

  it('uses every single-answer question, with its correct option as the reference', () => {
    const singles = bank.filter((q) => q.type === 'single');
    expect(items).toHaveLength(singles.length);
    const first = singles[0]!;
    const item = items.find((i) => i.id === first.id)!;
    expect(item.prompt).toBe(first.stem);
    expect(item.referenceResponse).toBe(first.options.find((o) => o.id === first.answer)?.text);
    expect(item.category).toBe(`Domain ${first.domain}`);
  });

  it('can list the options and keep only short answers', () => {
    const withChoices = questionAnsweringItems(bank, { format: 'choices', maxReferenceWords: 4 });
    expect(withChoices.length).toBeGreaterThan(20);
    expect(withChoices.length).toBeLessThan(items.length);
    for (const item of withChoices) {
      expect(item.prompt).toMatch(/\nA\. /);
      expect(item.referenceResponse!.split(/\s+/).length).toBeLessThanOrEqual(4);
    }
  });
});

describe('every built-in item is a valid Bedrock prompt dataset line', () => {
  it.each([
    ['summarisation', () => summarisationItems(summaries, corpus.noteById)],
    ['classification', () => classificationItems(scenarios, 'domain')],
    ['question answering', () => questionAnsweringItems(bank)],
  ])('%s', (_name, build) => {
    for (const item of build()) {
      const line = toJsonLine(toDatasetRow(item));
      const check = checkDatasetLine(line, 1, { requireReference: true });
      expect(check.ok, `${item.id}: ${check.ok ? '' : check.reasons.join(' ')}`).toBe(true);
      expect(item.prompt.trim().length).toBeGreaterThan(0);
    }
  });
});
