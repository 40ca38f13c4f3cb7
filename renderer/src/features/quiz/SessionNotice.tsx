/** A one-line notice about a saved session (skipped questions, a damaged row), with Undo or Dismiss. */
export function SessionNotice({
  text,
  onDismiss,
  undo,
}: {
  text: string;
  onDismiss: () => void;
  undo?: { label: string; run: () => void };
}) {
  return (
    <p role="status" className="status status-idle small session-notice">
      <span>{text}</span>
      {undo ? (
        <button type="button" className="link" onClick={undo.run}>
          {undo.label}
        </button>
      ) : null}
      <button type="button" className="link" onClick={onDismiss}>
        Dismiss
      </button>
    </p>
  );
}
