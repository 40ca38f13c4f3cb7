/** The exam outline as validated data (content/exam-guide.json), used by Home, notes and quizzes. */
import { z } from 'zod';
import raw from '../content/exam-guide.json';

export const ExamGuide = z
  .object({
    exam: z.object({
      code: z.string(),
      name: z.string(),
      guideVersion: z.string(),
      guidePublished: z.iso.date(),
      questions: z.number().int().positive(),
      scoredQuestions: z.number().int().positive(),
      unscoredQuestions: z.number().int().nonnegative(),
      minutes: z.number().int().positive(),
      scaledScoreMin: z.number().int(),
      scaledScoreMax: z.number().int(),
      passingScore: z.number().int(),
      questionTypes: z.array(z.string()).min(1),
    }),
    domains: z
      .array(
        z.object({
          id: z.number().int().positive(),
          title: z.string().min(1),
          weight: z.number().positive(),
          tasks: z
            .array(z.object({ id: z.string().regex(/^\d\.\d$/), title: z.string().min(1) }))
            .min(1),
        }),
      )
      .min(1),
  })
  .refine(
    (g) => g.domains.reduce((sum, d) => sum + d.weight, 0) === 100,
    'Weights must add up to 100.',
  )
  .refine(
    (g) => g.exam.scoredQuestions + g.exam.unscoredQuestions === g.exam.questions,
    'Scored plus unscored questions must equal the total.',
  );
export type ExamGuide = z.infer<typeof ExamGuide>;

export const EXAM_GUIDE: ExamGuide = ExamGuide.parse(raw);
