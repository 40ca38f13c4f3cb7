/** Tokens with the matched ones marked (<mark>), as plain text: nothing is rendered as HTML. */
import type { MarkedToken } from './overlap';

export function OverlapText({ tokens, label }: { tokens: readonly MarkedToken[]; label: string }) {
  const matched = tokens.filter((t) => t.match > 0).length;
  return (
    <p
      className="eval-overlap"
      aria-label={`${label}: ${matched} of ${tokens.length} tokens match`}
    >
      {tokens.map((t, i) =>
        t.match > 0 ? (
          <mark key={i} className={`n${t.match}`}>
            {t.text}
          </mark>
        ) : (
          <span key={i}>{t.text}</span>
        ),
      )}
    </p>
  );
}
