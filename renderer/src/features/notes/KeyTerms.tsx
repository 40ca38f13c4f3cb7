import { Link } from 'wouter';
import { CORPUS } from '../../content/corpus';

/** The note's key terms as chips; a term in the glossary links to its entry. */
export function KeyTerms({ terms }: { terms: readonly string[] }) {
  return (
    <ul className="chips" aria-label="Key terms">
      {terms.map((t) => {
        const entry = CORPUS.termIndex.get(t.toLowerCase());
        return (
          <li key={t}>
            {entry ? (
              <Link href={`/glossary/${entry.slug}`} title={entry.definition}>
                {t}
              </Link>
            ) : (
              t
            )}
          </li>
        );
      })}
    </ul>
  );
}
