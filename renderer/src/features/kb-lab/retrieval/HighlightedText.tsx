/** Text with the given words marked, as text nodes and <mark> elements (never raw HTML). */
import { highlightRuns } from '../../../lib/rag/highlight';

export function HighlightedText({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>
      {highlightRuns(text, terms).map((run, i) =>
        run.mark ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>,
      )}
    </>
  );
}
