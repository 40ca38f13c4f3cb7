import type { AppInfo } from '../../../../shared/contract';

/** The app's version, how it runs, and where its settings file is. */
export function AboutCard({ appInfo, path }: { appInfo: AppInfo | null; path: string }) {
  const mode = appInfo
    ? appInfo.mode === 'electron'
      ? 'Desktop app'
      : 'Browser mode (npm run web)'
    : '…';
  return (
    <section className="card">
      <h2>About</h2>
      <dl className="facts">
        <div>
          <dt>Version</dt>
          <dd>{appInfo?.version ?? '…'}</dd>
        </div>
        <div>
          <dt>Running as</dt>
          <dd>{mode}</dd>
        </div>
        <div>
          <dt>Settings file</dt>
          <dd>
            <code>{path}</code>
          </dd>
        </div>
      </dl>
    </section>
  );
}
