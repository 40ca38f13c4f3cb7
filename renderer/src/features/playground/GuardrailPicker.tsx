/**
 * The chat's guardrail picker: the learner's guardrails in the Settings Region (ListGuardrails)
 * and the versions of the one picked, so no id has to be typed. When listing fails (no IAM
 * permission, offline) it says why, and the typed id and version below it still work.
 */
import { useEffect, useState } from 'react';
import type { GuardrailSummary } from '../../../../shared/guardrails-contract';
import { call } from '../../api';

type Listing = { guardrails: GuardrailSummary[] } | { error: string } | null;

export function GuardrailPicker({
  id,
  version,
  onPick,
}: {
  id: string;
  version: string;
  onPick: (id: string, version: string) => void;
}) {
  const [listing, setListing] = useState<Listing>(null);
  const [versions, setVersions] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void call('listGuardrails', {}).then((r) => {
      if (live) setListing(r.ok ? r.value : { error: r.error.message });
    });
    return () => {
      live = false;
    };
  }, []);
  const known = listing && 'guardrails' in listing ? listing.guardrails : [];
  const picked = known.some((g) => g.id === id) ? id : '';
  useEffect(() => {
    let live = true;
    if (!picked) return;
    void call('listGuardrails', { guardrailIdentifier: picked }).then((r) => {
      if (live && r.ok) setVersions(r.value.guardrails.map((g) => g.version));
    });
    return () => {
      live = false;
    };
  }, [picked]);
  if (listing && 'error' in listing) {
    return (
      <p className="hint" role="status">
        Your guardrails could not be listed ({listing.error}). Type the id and version instead.
      </p>
    );
  }
  return (
    <>
      <label>
        Your guardrails
        <select value={picked} onChange={(e) => onPick(e.target.value, 'DRAFT')}>
          <option value="">
            {listing === null ? 'Loading…' : known.length ? 'Choose one…' : 'None in this Region'}
          </option>
          {known.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name} ({g.id})
            </option>
          ))}
        </select>
      </label>
      {picked && versions.length > 0 ? (
        <label>
          Version to use
          <select
            value={versions.includes(version) ? version : ''}
            onChange={(e) => onPick(picked, e.target.value)}
          >
            {versions.includes(version) ? null : <option value="">Typed below</option>}
            {versions.map((v) => (
              <option key={v} value={v}>
                {v === 'DRAFT' ? 'DRAFT (working draft)' : `Version ${v}`}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </>
  );
}
