/**
 * The study corpus as the app ships it: every note and glossary file validates, the exam outline
 * is covered, and every link resolves. Failures name the file to fix.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAM_GUIDE } from '../../shared/exam-guide';
import { internalLinks, isExamWide, parseNote, termSlug, type Corpus } from '../../shared/notes';
import { loadCorpus, readContentFiles } from '../support/corpus';

const noteFiles = readContentFiles('notes', '.md');
// Loaded in beforeAll so one broken file fails the corpus tests with its name, not the import.
let corpus: Corpus;
beforeAll(() => {
  corpus = loadCorpus();
});
const taskIds = EXAM_GUIDE.domains.flatMap((d) => d.tasks.map((t) => t.id));

describe('note files', () => {
  it.each(noteFiles.map((f) => [f.file, f.raw] as const))('%s validates', (file, raw) => {
    const note = parseNote(file, raw);
    expect(file, 'file name must equal the id').toBe(`content/notes/${note.id}.md`);
    for (const task of note.tasks) expect(taskIds, `${file}: unknown task ${task}`).toContain(task);
    expect(note.wordCount, `${file}: body words`).toBeGreaterThanOrEqual(600);
    expect(note.wordCount, `${file}: body words`).toBeLessThanOrEqual(1600);
    expect(note.body, `${file}: an exam tip callout`).toMatch(/^> \[!TIP\]\s*$/m);
    expect(note.body, `${file}: no level-1 heading`).not.toMatch(/^# /m);
    expect(note.body, `${file}: no raw HTML`).not.toMatch(/<\/?[a-z][a-z0-9-]*(\s[^>]*)?>/i);
  });
});

describe('the corpus', () => {
  it('has 30 to 45 notes with unique ids', () => {
    expect(corpus.notes.length).toBeGreaterThanOrEqual(30);
    expect(corpus.notes.length).toBeLessThanOrEqual(45);
    expect(corpus.noteById.size).toBe(corpus.notes.length);
  });

  it('opens with one exam-wide note, About the exam, that belongs to no domain or task', () => {
    const examWide = corpus.notes.filter(isExamWide);
    expect(examWide.map((n) => n.id)).toEqual(['about-the-exam']);
    expect(corpus.notes[0]?.id).toBe('about-the-exam');
    expect(examWide[0]?.tasks).toEqual([]);
    // Never counted in a domain's reading progress: every other note is in domain 1..5.
    for (const n of corpus.notes.filter((x) => !isExamWide(x)))
      expect(n.domain, n.id).toBeGreaterThanOrEqual(1);
  });

  it('states the exam format the exam outline gives', () => {
    const body = corpus.noteById.get('about-the-exam')!.body;
    const { exam } = EXAM_GUIDE;
    for (const fact of [
      `${exam.questions} questions`,
      `${exam.scoredQuestions} scored and ${exam.unscoredQuestions} unscored`,
      `${exam.minutes} minutes`,
      `${exam.scaledScoreMin} to 1,000`,
      `| ${exam.passingScore} |`,
      'no penalty for guessing',
      '83 seconds per question',
      '14 calendar days',
    ])
      expect(body.toLowerCase(), fact).toContain(fact.toLowerCase());
    for (const type of exam.questionTypes)
      expect(body.toLowerCase(), type).toContain(`### ${type}`);
  });

  it('dates the model lifecycle claims about Titan and Nova (issue 13, defect 6)', () => {
    for (const id of ['amazon-titan-and-nova', 'image-generation-diffusion']) {
      const body = corpus.noteById.get(id)!.body;
      expect(body, id).toMatch(/as checked on \d{4}-\d{2}-\d{2}/);
      expect(body, id).not.toMatch(/lifecycle schedule for retirement/);
    }
    const nova = corpus.noteById.get('amazon-titan-and-nova')!.body;
    expect(nova).toMatch(/Nova Premier an[\s>]+end-of-life date of 14 September 2026/);
    expect(nova).toMatch(/Nova Reel one of 30 September 2026/);
  });

  it('teaches every task statement of the exam outline', () => {
    for (const task of taskIds) {
      const notes = corpus.notes.filter((n) => n.tasks.includes(task));
      expect(notes.length, `task ${task} has no note`).toBeGreaterThan(0);
    }
  });

  it('numbers notes under their home task without gaps or clashes', () => {
    for (const task of taskIds) {
      const orders = corpus.notes
        .filter((n) => n.tasks[0] === task)
        .map((n) => n.order)
        .sort((a, b) => a - b);
      expect(new Set(orders).size, `task ${task}: duplicate order`).toBe(orders.length);
    }
  });

  it('links only to notes and glossary terms that exist', () => {
    const problems: string[] = [];
    const slugs = new Set(corpus.glossary.map((g) => g.slug));
    for (const note of corpus.notes) {
      for (const link of internalLinks(note.body)) {
        if (link.kind === 'note' && !corpus.noteById.has(link.target))
          problems.push(`${note.id} -> note:${link.target}`);
        if (link.kind === 'glossary' && !slugs.has(link.target))
          problems.push(`${note.id} -> glossary:${link.target}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('defines every key term in the glossary', () => {
    const missing = corpus.notes.flatMap((n) =>
      n.keyTerms.filter((t) => !corpus.termIndex.has(t.toLowerCase())).map((t) => `${n.id}: ${t}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('the glossary', () => {
  it('has at least 150 terms, each pointing at an existing note', () => {
    expect(corpus.glossary.length).toBeGreaterThanOrEqual(150);
    const orphans = corpus.glossary
      .filter((g) => !corpus.noteById.has(g.note))
      .map((g) => `${g.term} -> ${g.note}`);
    expect(orphans).toEqual([]);
  });

  it('has no duplicate terms or aliases', () => {
    const names = corpus.glossary.flatMap((g) =>
      [g.term, ...(g.aliases ?? [])].map((n) => n.toLowerCase()),
    );
    const duplicates = names.filter((n, i) => names.indexOf(n) !== i);
    expect(duplicates).toEqual([]);
    const slugs = corpus.glossary.map((g) => g.slug);
    expect(slugs.filter((s, i) => slugs.indexOf(s) !== i)).toEqual([]);
  });

  it('slugs terms as AUTHORING.md says', () => {
    expect(termSlug('Amazon Bedrock')).toBe('amazon-bedrock');
    expect(termSlug('Retrieval-augmented generation (RAG)')).toBe(
      'retrieval-augmented-generation-rag',
    );
    expect(termSlug('F1 score')).toBe('f1-score');
  });
});

/**
 * The key terms of the exam outline (../shared/exam-guide.md, per task statement), as phrases a
 * note must contain; alternatives are separated by |. Hand-kept so the test does not depend on
 * files outside the repository.
 */
const EXAM_KEY_TERMS: Record<string, string[]> = {
  '1.1': [
    'deep learning',
    'neural network',
    'computer vision',
    'natural language processing',
    'inference',
    'overfitting',
    'underfitting',
    'fairness',
    'batch',
    'real-time',
    'asynchronous',
    'serverless',
    'labeled',
    'unlabeled',
    'tabular',
    'time-series|time series',
    'structured',
    'unstructured',
    'supervised',
    'unsupervised',
    'reinforcement learning',
    'agentic',
  ],
  '1.2': [
    'regression',
    'classification',
    'clustering',
    'recommendation',
    'fraud',
    'forecast',
    'Amazon Transcribe',
    'Amazon Translate',
    'Amazon Comprehend',
    'Amazon Lex',
    'Amazon Polly',
    'Amazon Rekognition',
    'Amazon Textract',
    'Amazon Personalize',
    'Amazon Kendra',
    'cost-benefit|cost and benefit|costs more than',
  ],
  '1.3': [
    'exploratory data analysis',
    'feature engineering',
    'hyperparameter',
    'Data Wrangler',
    'Feature Store',
    'Model Monitor',
    'JumpStart',
    'MLOps',
    'precision',
    'recall',
    'F1',
    'AUC',
    'ROI|return on investment',
  ],
  '2.1': [
    'token',
    'chunking',
    'embedding',
    'vector',
    'transformer',
    'multimodal',
    'forward diffusion|forward process',
    'reverse diffusion|reverse process',
    'pre-training',
    'context engineering',
    'Model Context Protocol',
    'multi-agent',
    'memory',
    'tool use',
  ],
  '2.2': [
    'hallucination',
    'interpretability',
    'nondetermini',
    'temperature',
    'latency',
    'compliance',
  ],
  '2.3': [
    'Amazon Bedrock',
    'SageMaker AI',
    'PartyRock',
    'Amazon Q',
    'AgentCore',
    'Strands Agents',
    'Provisioned Throughput',
    'batch inference',
    'Titan',
    'Nova',
    'AI21',
    'Anthropic',
    'Cohere',
    'Meta',
    'Mistral',
    'Stability AI',
  ],
  '3.1': [
    'top-p',
    'top-k',
    'stop sequence',
    'Knowledge Bases',
    'OpenSearch',
    'pgvector',
    'Neptune',
    'DocumentDB',
    'fine-tuning',
    'continued pre-training',
    'distillation',
    'action group',
    'prompt caching',
    'context window',
  ],
  '3.2': [
    'zero-shot',
    'one-shot',
    'few-shot',
    'chain-of-thought',
    'prompt template',
    'negative prompt',
    'Prompt Management',
    'prompt injection',
    'jailbreak',
    'poisoning',
    'hijack',
  ],
  '3.3': [
    'instruction',
    'multi-turn',
    'JSONL',
    'Amazon S3',
    'transfer learning',
    'RLHF|reinforcement learning from human feedback',
    'domain adaptation',
  ],
  '3.4': [
    'ROUGE',
    'BLEU',
    'BERTScore',
    'benchmark',
    'human evaluation|human-based evaluation|human work',
    'LLM-as-a-judge|LLM as a judge|model as a judge|model-as-a-judge',
  ],
  '4.1': [
    'bias',
    'inclusiv',
    'robust',
    'veracity',
    'denied topic',
    'content filter',
    'word filter',
    'sensitive information',
    'contextual grounding',
    'sustainab',
    'intellectual property',
    'variance',
    'SageMaker Clarify',
    'Augmented AI|A2I',
  ],
  '4.2': ['transparen', 'explainab', 'Model Card', 'licens', 'human-centered|human-centred'],
  '5.1': [
    'IAM',
    'KMS',
    'encryption',
    'Macie',
    'PrivateLink',
    'shared responsibility',
    'data lineage',
    'CloudTrail',
    'CloudWatch',
    'invocation logging',
    'grounding',
  ],
  '5.2': [
    'AWS Config',
    'Amazon Inspector',
    'Audit Manager',
    'AWS Artifact',
    'Trusted Advisor',
    'retention',
    'residency',
    'Scoping Matrix',
    'ISO',
    'SOC',
  ],
};

describe('coverage of the exam outline’s key terms', () => {
  it.each(Object.entries(EXAM_KEY_TERMS))(
    'task %s: every key term is explained in some note',
    (_task, terms) => {
      const text = corpus.notes
        .map((n) => `${n.title}\n${n.body}`)
        .join('\n')
        .toLowerCase();
      const missing = terms.filter(
        (t) => !t.split('|').some((alt) => text.includes(alt.toLowerCase())),
      );
      expect(missing).toEqual([]);
    },
  );
});
