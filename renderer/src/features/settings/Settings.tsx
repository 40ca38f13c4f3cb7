import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { AppInfo, ProfileList } from '../../../../shared/contract';
import { invocableModelId, modelDisplayName, textModels } from '../../../../shared/models';
import { BEDROCK_REGIONS, RegionId } from '../../../../shared/regions';
import type { AppError } from '../../../../shared/result';
import {
  EndpointUrl,
  ModelId,
  type Settings as SettingsT,
  type SettingsState,
} from '../../../../shared/settings';
import { call } from '../../api';
import { useSettings } from '../../app/settings-context';
import { ConnectionResult, ErrorPanel } from '../../components/ConnectionStatus';
import { ScreenHeading } from '../../components/ScreenHeading';

type Aws = SettingsT['aws'];

interface Draft {
  profile: string; // '' = default chain
  region: string;
  endpoint: string;
  model: string;
}

const toDraft = (aws: Aws): Draft => ({
  profile: aws.profile ?? '',
  region: aws.region,
  endpoint: aws.endpoint ?? '',
  model: aws.defaultTextModel,
});

function validate(d: Draft): Partial<Record<keyof Draft, string>> {
  const errors: Partial<Record<keyof Draft, string>> = {};
  const region = RegionId.safeParse(d.region.trim());
  if (!region.success) errors.region = region.error.issues[0]?.message ?? 'Invalid region.';
  if (d.endpoint.trim()) {
    const endpoint = EndpointUrl.safeParse(d.endpoint);
    if (!endpoint.success) errors.endpoint = endpoint.error.issues[0]?.message ?? 'Invalid URL.';
  }
  const model = ModelId.safeParse(d.model);
  if (!model.success) errors.model = model.error.issues[0]?.message ?? 'Invalid model id.';
  return errors;
}

const KIND_LABEL: Record<string, string> = {
  sso: 'IAM Identity Center (SSO)',
  static: 'access keys',
  'assume-role': 'assumes a role',
  process: 'credential process',
  'web-identity': 'web identity',
  other: 'settings only',
};

function ProfileField({
  value,
  onChange,
  profiles,
  profileError,
  onRefresh,
}: {
  value: string;
  onChange: (v: string) => void;
  profiles: ProfileList | null;
  profileError: AppError | null;
  onRefresh: () => void;
}) {
  const id = useId();
  const known = profiles?.profiles.some((p) => p.name === value) ?? true;
  return (
    <div className="field">
      <label htmlFor={id}>Credentials</label>
      <div className="row">
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Environment / default credential chain</option>
          {profiles?.profiles.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name} — {KIND_LABEL[p.kind]}
              {p.region ? ` · ${p.region}` : ''}
            </option>
          ))}
          {!known && value ? (
            <option value={value}>{value} (not found in your files)</option>
          ) : null}
        </select>
        <button type="button" onClick={onRefresh}>
          Reload profiles
        </button>
      </div>
      {profileError ? <ErrorPanel error={profileError} /> : null}
      {profiles ? (
        <p className="hint">
          Profiles come from <code>{profiles.configFile}</code> and{' '}
          <code>{profiles.credentialsFile}</code>
          {profiles.profiles.length === 0
            ? ' (none found yet: run `aws configure` or `aws configure sso`)'
            : ''}
          . The default chain reads environment variables, SSO, the shared files and instance roles
          {profiles.environmentProfile ? ` (AWS_PROFILE is “${profiles.environmentProfile}”)` : ''}.
          Keys and tokens never leave the main process.
        </p>
      ) : null}
    </div>
  );
}

function RegionField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const id = useId();
  const listed = BEDROCK_REGIONS.some((r) => r.id === value);
  const [other, setOther] = useState(!listed);
  return (
    <div className="field">
      <label htmlFor={id}>Region</label>
      <select
        id={id}
        value={other ? '__other' : value}
        onChange={(e) => {
          if (e.target.value === '__other') setOther(true);
          else {
            setOther(false);
            onChange(e.target.value);
          }
        }}
      >
        {BEDROCK_REGIONS.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name} — {r.id}
          </option>
        ))}
        <option value="__other">Other region…</option>
      </select>
      {other ? (
        <input
          aria-label="Region code"
          placeholder="for example ap-southeast-3"
          value={value}
          onChange={(e) => onChange(e.target.value.trim())}
          aria-invalid={Boolean(error)}
        />
      ) : null}
      {error ? <p className="field-error">{error}</p> : null}
      <p className="hint">Models, prices and inference profiles differ by region.</p>
    </div>
  );
}

function ModelField({
  value,
  region,
  onChange,
  error,
}: {
  value: string;
  region: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const id = useId();
  const listId = useId();
  const options = useMemo(
    () =>
      textModels()
        .filter((m) => !m.outputModalities.includes('embedding'))
        .map((m) => ({ id: invocableModelId(m, region), label: modelDisplayName(m) })),
    [region],
  );
  return (
    <div className="field">
      <label htmlFor={id}>Default text model</label>
      <input
        id={id}
        list={listId}
        value={value}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value.trim())}
        aria-invalid={Boolean(error)}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </datalist>
      {error ? <p className="field-error">{error}</p> : null}
      <p className="hint">
        Used by Test connection and as the default elsewhere. A model id (for example{' '}
        <code>amazon.nova-micro-v1:0</code>) or a cross-region inference profile id (for example{' '}
        <code>us.anthropic.claude-haiku-4-5-20251001-v1:0</code>); newer models are only offered
        through inference profiles.
      </p>
    </div>
  );
}

export default function Settings() {
  const { state, loadError } = useSettings();
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
  return <SettingsForm state={state} />;
}

function SettingsForm({ state }: { state: SettingsState }) {
  const { save, testConnection, testing } = useSettings();
  const [draft, setDraft] = useState<Draft>(() => toDraft(state.settings.aws));
  const [profiles, setProfiles] = useState<ProfileList | null>(null);
  const [profileError, setProfileError] = useState<AppError | null>(null);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const [testError, setTestError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  const endpointId = useId();

  const loadProfiles = useCallback(() => {
    void call('listProfiles').then((r) => {
      if (r.ok) {
        setProfiles(r.value);
        setProfileError(null);
      } else setProfileError(r.error);
    });
  }, []);
  useEffect(loadProfiles, [loadProfiles]);
  useEffect(() => {
    void call('getAppInfo').then((r) => r.ok && setAppInfo(r.value));
  }, []);

  const errors = validate(draft);
  const current = toDraft(state.settings.aws);
  const dirty = JSON.stringify(current) !== JSON.stringify(draft);
  const valid = Object.keys(errors).length === 0;
  const update = (patch: Partial<Draft>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };

  const persist = async (): Promise<boolean> => {
    setSaveError(null);
    const error = await save({
      aws: {
        profile: draft.profile || null,
        region: draft.region.trim(),
        endpoint: draft.endpoint.trim() || null,
        defaultTextModel: draft.model,
      },
    });
    if (error) {
      setSaveError(error);
      return false;
    }
    setSaved(true);
    return true;
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (valid && dirty) await persist();
  };

  const onTest = async () => {
    setTestError(null);
    if (dirty && !(await persist())) return;
    setTestError(await testConnection());
  };

  const last = state.settings.lastConnection;

  return (
    <section className="screen">
      <header className="screen-header">
        <ScreenHeading>Settings</ScreenHeading>
        <p className="lede">
          Connect Stratum to Amazon Bedrock with the AWS profile you already use.
        </p>
      </header>

      {state.notice ? (
        <div className="status status-warn" role="alert">
          <div>
            <strong>Settings were reset</strong>
            <p>{state.notice.message}</p>
            {state.notice.movedTo ? (
              <p className="muted">
                Old file: <code>{state.notice.movedTo}</code>
              </p>
            ) : null}
          </div>
        </div>
      ) : null}

      <form className="card form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <h2>AWS connection</h2>
        <ProfileField
          value={draft.profile}
          onChange={(profile) => update({ profile })}
          profiles={profiles}
          profileError={profileError}
          onRefresh={loadProfiles}
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
        <div className="field">
          <label htmlFor={endpointId}>
            Custom endpoint <span className="muted">(optional)</span>
          </label>
          <input
            id={endpointId}
            value={draft.endpoint}
            placeholder="https://bedrock-runtime.us-east-1.amazonaws.com"
            spellCheck={false}
            onChange={(e) => update({ endpoint: e.target.value })}
            aria-invalid={Boolean(errors.endpoint)}
          />
          {errors.endpoint ? <p className="field-error">{errors.endpoint}</p> : null}
          <p className="hint">
            Leave empty to use AWS&apos;s endpoint for the region
            {appInfo?.endpointFromEnvironment
              ? ' (currently overridden by AWS_ENDPOINT_URL_BEDROCK_RUNTIME in the environment)'
              : ''}
            . Useful for a VPC endpoint (AWS PrivateLink) or a proxy.
          </p>
        </div>

        {saveError ? <ErrorPanel error={saveError} /> : null}
        <div className="actions">
          <button type="submit" disabled={!dirty || !valid}>
            Save
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void onTest()}
            disabled={!valid || testing}
          >
            {testing ? 'Testing…' : dirty ? 'Save and test connection' : 'Test connection'}
          </button>
          {dirty ? (
            <button type="button" className="link" onClick={() => setDraft(current)}>
              Discard changes
            </button>
          ) : null}
          <span role="status" className="muted">
            {saved && !dirty ? 'Saved.' : ''}
          </span>
        </div>
        <div aria-live="polite">
          {testError ? <ErrorPanel error={testError} /> : null}
          {!testError && last ? <ConnectionResult check={last} /> : null}
        </div>
      </form>

      <section className="card">
        <h2>About</h2>
        <dl className="facts">
          <div>
            <dt>Version</dt>
            <dd>{appInfo?.version ?? '…'}</dd>
          </div>
          <div>
            <dt>Running as</dt>
            <dd>
              {appInfo
                ? appInfo.mode === 'electron'
                  ? 'Desktop app'
                  : 'Browser mode (npm run web)'
                : '…'}
            </dd>
          </div>
          <div>
            <dt>Settings file</dt>
            <dd>
              <code>{state.path}</code>
            </dd>
          </div>
        </dl>
      </section>
    </section>
  );
}
