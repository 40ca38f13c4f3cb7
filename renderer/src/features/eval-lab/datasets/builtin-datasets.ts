/**
 * The built-in datasets, built from Stratum's own content on first use (lib/eval/builtin.ts and
 * open.ts do the work): question answering from the bank, summarisation of note sections with
 * reference summaries, classification of scenarios into exam domains or AWS services, and
 * open-ended prompts without references.
 */
import {
  OpenPromptFile,
  ScenarioFile,
  SummaryFile,
  classificationItems,
  classificationLabels,
  openPromptItems,
  questionAnsweringItems,
  summarisationItems,
  type EvalItem,
  type EvalTaskKind,
} from '../../../lib/eval';
import { CORPUS } from '../../../content/corpus';
import { BANK } from '../../quiz/bank';

export interface EvalDataset {
  id: string;
  title: string;
  task: EvalTaskKind;
  /** One sentence: what the items are and what a good response is. */
  description: string;
  items: EvalItem[];
  /** Classification: the labels a response is read against. */
  labels?: string[];
  /** True for a file the learner imported this session. */
  imported?: boolean;
}

const files = import.meta.glob<unknown>('../../../../../content/eval/*.json', {
  import: 'default',
  eager: true,
});

function file(name: string): unknown {
  const found = Object.entries(files).find(([path]) => path.endsWith(`/${name}`));
  if (!found) throw new Error(`content/eval/${name} is missing from the build.`);
  return found[1];
}

let built: EvalDataset[] | null = null;

/** The built-in datasets (built once). */
export function builtinDatasets(): EvalDataset[] {
  if (built) return built;
  const scenarios = ScenarioFile.parse(file('classification.json'));
  const noteById = new Map(CORPUS.notes.map((n) => [n.id, n]));
  built = [
    {
      id: 'builtin:qa',
      title: 'Question answering (question bank)',
      task: 'qa',
      description:
        "Each bank question's stem, with the correct option's text as the reference answer (answers of up to 12 words).",
      items: questionAnsweringItems(BANK, { maxReferenceWords: 12 }),
    },
    {
      id: 'builtin:summarisation',
      title: 'Summarisation (note sections)',
      task: 'summarisation',
      description:
        'A section of a Stratum note to summarise, with a 2-3 sentence reference summary written for the purpose.',
      items: summarisationItems(SummaryFile.parse(file('summarisation.json')), noteById),
    },
    {
      id: 'builtin:domain',
      title: 'Classification: exam domain',
      task: 'classification',
      description: 'A short scenario to place in one of the five exam domains (label "1" to "5").',
      items: classificationItems(scenarios, 'domain'),
      labels: classificationLabels(scenarios, 'domain'),
    },
    {
      id: 'builtin:service',
      title: 'Classification: AWS service',
      task: 'classification',
      description: 'A short scenario whose answer is one AWS service, to be named.',
      items: classificationItems(scenarios, 'service'),
      labels: classificationLabels(scenarios, 'service'),
    },
    {
      id: 'builtin:open',
      title: 'Open-ended prompts (no reference)',
      task: 'open',
      description:
        'Questions with no single right answer: no reference-based metric applies, so a model as judge or you score them.',
      items: openPromptItems(OpenPromptFile.parse(file('open-prompts.json'))),
    },
  ];
  return built;
}

/** The default prompt template per task (the item's prompt goes where {{prompt}} is). */
export function defaultTemplate(dataset: Pick<EvalDataset, 'task' | 'labels'>): string {
  switch (dataset.task) {
    case 'qa':
      return 'Answer the question in as few words as possible.\n\n{{prompt}}';
    case 'summarisation':
      return 'Summarise the following text in 2-3 sentences.\n\n{{prompt}}';
    case 'classification':
      return `Classify the scenario. Answer with exactly one of: ${(dataset.labels ?? []).join(', ')}.\n\n{{prompt}}`;
    case 'open':
      return '{{prompt}}';
  }
}

export const TASK_LABELS: Record<EvalTaskKind, string> = {
  qa: 'Question and answer',
  summarisation: 'Text summarisation',
  classification: 'Text classification',
  open: 'Open-ended generation',
};
