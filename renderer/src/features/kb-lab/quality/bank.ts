/** The bank questions as the quality tab's labelled test set (the quiz's bundled bank). */
import type { BankQuestion } from '../../../lib/rag/quality';
import { BANK } from '../../quiz/bank';

export const TEST_QUESTIONS: readonly BankQuestion[] = BANK;
