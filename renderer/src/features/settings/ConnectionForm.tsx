import type { FormEvent } from 'react';
import type { AppInfo } from '../../../../shared/contract';
import type { SettingsState } from '../../../../shared/settings';
import { useConnectionTest } from '../../app/use-connection-test';
import { TestOutcome } from '../../components/ConnectionStatus';
import { EndpointField } from './EndpointField';
import { ModelField } from './ModelField';
import { ProfileField } from './ProfileField';
import { RegionField } from './RegionField';
import { SaveFailed } from './SaveFailed';
import { SettingsActions } from './SettingsActions';
import { useProfiles } from './use-profiles';
import { useSettingsForm } from './use-settings-form';

/** The AWS connection card: profile, region, model and endpoint, saved and tested. */
export function ConnectionForm({
  state,
  appInfo,
}: {
  state: SettingsState;
  appInfo: AppInfo | null;
}) {
  const form = useSettingsForm(state);
  const profiles = useProfiles();
  const test = useConnectionTest();
  const { draft, errors, update } = form;
  const last = state.settings.lastConnection;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (form.valid && form.dirty) void form.persist();
  };

  return (
    <form className="card form" onSubmit={onSubmit} noValidate>
      <h2>AWS connection</h2>
      <ProfileField
        value={draft.profile}
        onChange={(profile) => update({ profile })}
        profiles={profiles.profiles}
        profileError={profiles.error}
        onRefresh={profiles.reload}
      />
      <RegionField
        value={draft.region}
        onChange={(region) => update({ region })}
        error={errors.region}
      />
      <ModelField
        value={draft.model}
        region={draft.region}
        onChange={(model) => update({ model })}
        error={errors.model}
      />
      <EndpointField
        value={draft.endpoint}
        onChange={(endpoint) => update({ endpoint })}
        error={errors.endpoint}
        fromEnvironment={appInfo?.endpointFromEnvironment ?? false}
      />

      {form.saveError ? <SaveFailed error={form.saveError} /> : null}
      <SettingsActions
        dirty={form.dirty}
        valid={form.valid}
        saved={form.saved}
        testing={test.testing}
        onTest={() => void test.run(form.dirty ? form.persist : undefined)}
        onCancelTest={test.cancel}
        onDiscard={form.discard}
      />
      <TestOutcome error={test.error} last={last} testing={test.testing} />
    </form>
  );
}
