/**
 * The "?" overlay: a modal dialog listing the keys of the screen on show and the keys that work
 * everywhere. The focus stays inside while it is open, Escape or the Close button closes it, and
 * the focus goes back to where it was. `KeysHelpButton` opens it from a screen.
 */
import { useEffect, useRef } from 'react';
import { trapTab } from './focus';
import { closeKeysHelp, openKeysHelp, useKeysHelp, type KeyGroup } from './keys-help-store';
import './keys-help.css';

export function KeysHelp({ everywhere }: { everywhere: KeyGroup }) {
  const { open, groups } = useKeysHelp();
  if (!open) return null;
  return <KeysDialog groups={[...groups.map((g) => g.group), everywhere]} />;
}

function KeysDialog({ groups }: { groups: readonly KeyGroup[] }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    close.current?.focus();
    return () => previous?.focus({ preventScroll: true });
  }, []);
  return (
    <div className="keys-help-backdrop" onMouseDown={closeKeysHelp}>
      <div
        className="keys-help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="keys-help-title"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          // The screen behind must not act on keys pressed here (letters, Enter, digits).
          e.stopPropagation();
          if (e.key === 'Escape') {
            e.preventDefault();
            closeKeysHelp();
          } else trapTab(e, 'button, [href], [tabindex="0"]');
        }}
      >
        <header className="keys-help-header">
          <h2 id="keys-help-title">Keyboard shortcuts</h2>
          <button ref={close} type="button" onClick={closeKeysHelp}>
            Close <kbd>Esc</kbd>
          </button>
        </header>
        <div className="keys-help-body" tabIndex={0} aria-label="Shortcut list">
          {groups.map((g) => (
            <section key={g.title} aria-label={g.title}>
              <h3>{g.title}</h3>
              <dl>
                {g.keys.map((k) => (
                  <div key={k.keys + k.does} className="keys-help-row">
                    <dt>
                      <kbd>{k.keys}</kbd>
                    </dt>
                    <dd>{k.does}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}

/** A visible way to the overlay, for those who do not know the "?" key. */
export function KeysHelpButton() {
  return (
    <button
      type="button"
      className="link keys-help-button"
      aria-keyshortcuts="?"
      onClick={openKeysHelp}
    >
      Keyboard shortcuts (?)
    </button>
  );
}
