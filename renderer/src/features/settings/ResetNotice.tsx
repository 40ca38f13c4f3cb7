import type { SettingsState } from '../../../../shared/settings';

/** Says that a damaged settings file was set aside and defaults loaded. */
export function ResetNotice({ notice }: { notice: NonNullable<SettingsState['notice']> }) {
  return (
    <div className="status status-warn" role="alert">
      <div>
        <strong>Settings were reset</strong>
        <p>{notice.message}</p>
        {notice.movedTo ? (
          <p className="muted">
            Old file: <code>{notice.movedTo}</code>
          </p>
        ) : null}
      </div>
    </div>
  );
}
