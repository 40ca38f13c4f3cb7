import { useRef } from 'react';

/**
 * The form's buttons: Save, (Save and) Test connection or Cancel while testing, Discard. The test
 * button keeps the focus while it tests (marked unavailable, not disabled, which would drop the
 * focus to the page).
 */
export function SettingsActions({
  dirty,
  valid,
  saved,
  testing,
  onTest,
  onCancelTest,
  onDiscard,
}: {
  dirty: boolean;
  valid: boolean;
  saved: boolean;
  testing: boolean;
  onTest: () => void;
  onCancelTest: () => void;
  onDiscard: () => void;
}) {
  const testButton = useRef<HTMLButtonElement>(null);
  return (
    <div className="actions">
      <button type="submit" disabled={!dirty || !valid || testing}>
        Save
      </button>
      {/* While testing it stays focusable (aria-disabled, not disabled), so the focus is not dropped. */}
      <button
        ref={testButton}
        type="button"
        className="primary"
        onClick={() => {
          if (!testing) onTest();
        }}
        disabled={!valid}
        aria-disabled={testing ? true : undefined}
      >
        {testing ? 'Testing…' : dirty ? 'Save and test connection' : 'Test connection'}
      </button>
      {testing ? (
        <button
          type="button"
          onClick={() => {
            // Cancel goes away with the test: the focus moves to the test button first.
            testButton.current?.focus();
            onCancelTest();
          }}
        >
          Cancel
        </button>
      ) : null}
      {dirty && !testing ? (
        <button type="button" className="link" onClick={onDiscard}>
          Discard changes
        </button>
      ) : null}
      <span role="status" className="muted">
        {saved && !dirty ? 'Saved.' : dirty ? 'Unsaved changes.' : ''}
      </span>
    </div>
  );
}
