/**
 * The starter question bank, bundled at build time and validated when first loaded: the single
 * questions (content/questions) and the case studies (content/cases: a shared scenario and its
 * questions, each carrying the case's id in `caseId`), plus the lookup of a case by id over the
 * bank's cases and the learner's own (`findCase`).
 */
import { CaseStudy, QuestionFile, type Question } from '../../../../shared/questions';

const files = import.meta.glob<unknown>('../../../../content/questions/*.json', {
  import: 'default',
  eager: true,
});
const caseFiles = import.meta.glob<unknown>('../../../../content/cases/*.json', {
  import: 'default',
  eager: true,
});

/** A case study's scenario, by case id (the questions are in BANK). */
export interface CaseScenario {
  id: string;
  title: string;
  scenario: string;
}

const cases: CaseStudy[] = Object.entries(caseFiles).map(([path, data]) => {
  const parsed = CaseStudy.safeParse(data);
  if (!parsed.success) throw new Error(`${path} does not match the case-study schema.`);
  return parsed.data;
});

export const CASES: ReadonlyMap<string, CaseScenario> = new Map(
  cases.map((c) => [c.id, { id: c.id, title: c.title, scenario: c.scenario }]),
);

export const BANK: Question[] = [
  ...Object.entries(files).flatMap(([path, data]) => {
    const parsed = QuestionFile.safeParse(data);
    if (!parsed.success) throw new Error(`${path} does not match the question schema.`);
    return parsed.data;
  }),
  ...cases.flatMap((c) => c.questions),
];

export const bankById = new Map(BANK.map((q) => [q.id, q]));

/**
 * The learner's own case studies (IndexedDB `cases`), kept here by ./learner-cases.ts so that a
 * case id is looked up in one place, bank first. Deleted cases stay known (their questions can
 * come back) but are marked.
 */
let learnerCases: ReadonlyMap<string, CaseScenario & { deleted: boolean }> = new Map();

/** Replaces the learner's cases (called by ./learner-cases.ts whenever the table changes). */
export function setLearnerCases(
  cases: ReadonlyMap<string, CaseScenario & { deleted: boolean }>,
): void {
  learnerCases = cases;
}

/** A case study's scenario by id: a bank case, else one of the learner's; undefined if neither. */
export function findCase(id: string): CaseScenario | undefined {
  return CASES.get(id) ?? learnerCases.get(id);
}

/** True when `id` names a bank case or one of the learner's (deleted ones included). */
export function isKnownCase(id: string): boolean {
  return CASES.has(id) || learnerCases.has(id);
}
