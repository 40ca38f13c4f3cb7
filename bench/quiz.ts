/** The quiz figures in Node, on fake-indexeddb (see quiz-core.ts). */
import 'fake-indexeddb/auto';

export { quizFigures } from './quiz-core';
