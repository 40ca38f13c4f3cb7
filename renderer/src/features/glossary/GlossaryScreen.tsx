import { useEffect, useId, useState } from 'react';
import { Link, useParams } from 'wouter';
import { ScreenHeading } from '../../components/ScreenHeading';
import { CORPUS } from '../../content/corpus';
import './glossary.css';

export default function GlossaryScreen() {
  const { slug } = useParams<{ slug?: string }>();
  const [filter, setFilter] = useState('');
  const filterId = useId();

  useEffect(() => {
    if (!slug) return;
    const el = document.getElementById(`term-${slug}`);
    el?.scrollIntoView({ block: 'center' });
  }, [slug]);

  const q = filter.trim().toLowerCase();
  const shown = CORPUS.glossary.filter(
    (g) =>
      !q ||
      g.term.toLowerCase().includes(q) ||
      (g.aliases ?? []).some((a) => a.toLowerCase().includes(q)) ||
      g.definition.toLowerCase().includes(q),
  );
  const letters = [...new Set(shown.map((g) => g.term[0]?.toUpperCase() ?? '#'))];

  return (
    <section className="screen glossary-screen">
      <header className="screen-header">
        <ScreenHeading>Glossary</ScreenHeading>
        <p className="lede">
          {CORPUS.glossary.length} terms, each linked to the note that explains it.
        </p>
      </header>
      <div className="card">
        <div className="field inline">
          <label htmlFor={filterId}>Filter</label>
          <input
            id={filterId}
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder="Term, abbreviation or word in a definition"
          />
        </div>
        {shown.length === 0 ? <p className="empty">No term matches “{filter}”.</p> : null}
        {letters.map((letter) => (
          <section key={letter} aria-labelledby={`letter-${letter}`}>
            <h2 id={`letter-${letter}`} className="letter">
              {letter}
            </h2>
            <dl className="glossary">
              {shown
                .filter((g) => (g.term[0]?.toUpperCase() ?? '#') === letter)
                .map((g) => {
                  const note = CORPUS.noteById.get(g.note);
                  return (
                    <div
                      key={g.slug}
                      id={`term-${g.slug}`}
                      className={g.slug === slug ? 'term highlighted' : 'term'}
                    >
                      <dt>
                        {g.term}
                        {g.aliases?.length ? (
                          <span className="muted small"> ({g.aliases.join(', ')})</span>
                        ) : null}
                      </dt>
                      <dd>
                        {g.definition}{' '}
                        {note ? (
                          <Link href={`/notes/${note.id}`} className="small">
                            Read: {note.title}
                          </Link>
                        ) : null}
                      </dd>
                    </div>
                  );
                })}
            </dl>
          </section>
        ))}
      </div>
    </section>
  );
}
