import { useId } from 'react';
import type { ProfileList } from '../../../../shared/contract';
import type { AppError } from '../../../../shared/result';
import { ErrorPanel } from '../../components/ConnectionStatus';

const KIND_LABEL: Record<string, string> = {
  sso: 'IAM Identity Center (SSO)',
  static: 'access keys',
  'assume-role': 'assumes a role',
  process: 'credential process',
  'web-identity': 'web identity',
  other: 'settings only',
};

/** Which credentials to use: a profile from the shared files, or the default chain. */
export function ProfileField({
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
      {profiles ? <ProfilesHint profiles={profiles} /> : null}
    </div>
  );
}

function ProfilesHint({ profiles }: { profiles: ProfileList }) {
  return (
    <p className="hint">
      Profiles come from <code>{profiles.configFile}</code> and{' '}
      <code>{profiles.credentialsFile}</code>
      {profiles.profiles.length === 0 ? (
        <>
          {' '}
          (none found yet: run <code>aws configure</code> or <code>aws configure sso</code>)
        </>
      ) : null}
      . The default chain reads environment variables, SSO, the shared files and instance roles
      {profiles.environmentProfile ? (
        <>
          {' '}
          (<code>AWS_PROFILE</code> is “{profiles.environmentProfile}”)
        </>
      ) : null}
      . Keys and tokens never leave the main process.
    </p>
  );
}
