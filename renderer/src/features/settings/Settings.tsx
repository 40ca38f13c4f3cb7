/**
 * Settings: the AWS connection (profile, region, default model, endpoint) with Test connection,
 * study settings (exam date, spaced review's limits and retention), the backup of everything the
 * learner made (./backup: export and import), and what the app is. A container: the form's state lives in use-settings-form.ts, its parts in
 * their own files.
 */
import { useSettings } from '../../app/settings-context';
import { ErrorPanel } from '../../components/ConnectionStatus';
import { ScreenHeading } from '../../components/ScreenHeading';
import { AboutCard } from './AboutCard';
import { BackupPanel } from './backup/BackupPanel';
import { ConnectionForm } from './ConnectionForm';
import { ResetNotice } from './ResetNotice';
import { StudySettings } from './StudySettings';
import { useAppInfo } from './use-app-info';

export default function Settings() {
  const { state, loadError } = useSettings();
  const appInfo = useAppInfo();
  if (loadError) {
    return (
      <section className="screen">
        <ScreenHeading>Settings</ScreenHeading>
        <ErrorPanel error={loadError} />
      </section>
    );
  }
  if (!state) {
    return (
      <p className="loading" role="status">
        Loading settings…
      </p>
    );
  }
  return (
    <section className="screen">
      <header className="screen-header">
        <ScreenHeading>Settings</ScreenHeading>
        <p className="lede">
          Connect Stratum to Amazon Bedrock with the AWS profile you already use.
        </p>
      </header>
      {state.notice ? <ResetNotice notice={state.notice} /> : null}
      <ConnectionForm state={state} appInfo={appInfo} />
      <StudySettings />
      <BackupPanel />
      <AboutCard appInfo={appInfo} path={state.path} />
    </section>
  );
}
