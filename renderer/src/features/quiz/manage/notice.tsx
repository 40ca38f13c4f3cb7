/** The status line of My questions: what the last action did, with Undo when it can be undone. */
export interface Notice {
  text: string;
  undo?: () => Promise<void>;
  kind?: 'ok' | 'error';
}

export function NoticeLine({
  notice,
  setNotice,
}: {
  notice: Notice;
  setNotice: (n: Notice) => void;
}) {
  return (
    <p
      role="status"
      className={notice.kind === 'error' ? 'status status-error small' : 'status status-idle small'}
      data-testid="manage-status"
    >
      <span>
        {notice.text}{' '}
        {notice.undo ? (
          <button
            type="button"
            className="link"
            onClick={() =>
              void notice
                .undo?.()
                .then(() => setNotice({ text: 'Undone.' }))
                .catch((error: unknown) =>
                  setNotice({ text: `Could not undo: ${String(error)}`, kind: 'error' }),
                )
            }
          >
            Undo
          </button>
        ) : null}
      </span>
    </p>
  );
}
