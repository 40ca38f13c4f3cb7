/** Bundled by bench/quiz-browser.ts into a page: runs the quiz figures on Chromium's IndexedDB. */
import { quizFigures } from './quiz-core';

declare global {
  interface Window {
    quizFigures: typeof quizFigures;
  }
}

window.quizFigures = quizFigures;
