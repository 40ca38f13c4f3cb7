/**
 * Numbered citations in a model's answer: "[1]", "[1][2]", "[1, 2]" or "[1; 3]" point at the
 * sources the prompt listed as [1]..[n]. The answer is cut into plain text and citation parts so a
 * screen can render each known number as a link to its source and flag a number with no source
 * (a model citing [9] of 5 sources made it up: the claim beside it is not grounded).
 *
 * Only brackets holding whole numbers separated by commas or semicolons count; "[see 1]",
 * "[1a]" and "[]" are text. A bracket directly followed by "(" is a Markdown link, also text.
 */

export interface CitationRef {
  /** The number the model wrote. */
  n: number;
  /** True when 1 <= n <= the number of sources given. */
  known: boolean;
}

export type AnswerPart =
  { kind: 'text'; text: string } | { kind: 'citation'; raw: string; refs: CitationRef[] };

export interface ParsedAnswer {
  parts: AnswerPart[];
  /** Known source numbers in the order first cited (each once). */
  cited: number[];
  /** Numbers cited that are no source (each once, in order of first appearance). */
  unknown: number[];
}

const CITATION = /\[(\d{1,6}(?:\s*[,;]\s*\d{1,6})*)\](?!\()/g;

/** Cuts an answer into text and citations; `sourceCount` is how many sources the prompt listed. */
export function parseCitations(text: string, sourceCount: number): ParsedAnswer {
  const parts: AnswerPart[] = [];
  const cited: number[] = [];
  const unknown: number[] = [];
  let from = 0;
  for (const m of text.matchAll(CITATION)) {
    if (m.index > from) parts.push({ kind: 'text', text: text.slice(from, m.index) });
    const refs = (m[1] ?? '').split(/[,;]/).map((s) => {
      const n = Number(s.trim());
      return { n, known: n >= 1 && n <= sourceCount };
    });
    for (const r of refs) {
      const list = r.known ? cited : unknown;
      if (!list.includes(r.n)) list.push(r.n);
    }
    parts.push({ kind: 'citation', raw: m[0], refs });
    from = m.index + m[0].length;
  }
  if (from < text.length) parts.push({ kind: 'text', text: text.slice(from) });
  return { parts, cited, unknown };
}

export type SpanSegment = { text: string; citation: number | null };

/**
 * An answer cut at the spans a knowledge base's citations support (RetrieveAndGenerate's
 * `generatedResponsePart.textResponsePart.span`, character offsets): each segment is plain
 * (`citation` null) or covered by citation i (0-based, in the order given). Spans are clipped to
 * the text; a span overlapping an earlier one starts where that one ended; empty spans vanish.
 */
export function spanSegments(
  text: string,
  spans: readonly { start: number; end: number }[],
): SpanSegment[] {
  const order = spans
    .map((s, i) => ({ start: Math.max(0, s.start), end: Math.min(text.length, s.end), i }))
    .sort((a, b) => a.start - b.start || a.i - b.i);
  const out: SpanSegment[] = [];
  let at = 0;
  for (const s of order) {
    const start = Math.max(s.start, at);
    if (s.end <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start), citation: null });
    out.push({ text: text.slice(start, s.end), citation: s.i });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), citation: null });
  return out;
}
