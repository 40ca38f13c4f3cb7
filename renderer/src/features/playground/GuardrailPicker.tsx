/**
 * The chat's guardrail picker: the learner's guardrails in the Settings Region (ListGuardrails)
 * and the versions of the one picked, so no id has to be typed. When listing fails (no IAM
 * permission, offline) it says why, and the typed id and version below it still work.
 *
 * The versions are kept with the guardrail they were listed for: while another guardrail's
 * versions load, the previous one's are not offered (picking one would send a version the newly
 * picked guardrail may not have).
 */
import { useEffect, useState } from 'react';
import type { GuardrailSummary } from '../../../../shared/guardrails-contract';
import { call } from '../../api';
import { SelectField, type Choice } from '../../components/choice-fields';

type Listing = { guardrails: GuardrailSummary[] } | { error: string } | null;
/** The versions ListGuardrails returned, and the guardrail they belong to. */
type Versions = { guardrailId: string; versions: string[] } | null;

/** The versions to offer for `picked`: none while only another guardrail's are known. */
function versionsFor(listed: Versions, picked: string): string[] {
  return picked && listed?.guardrailId === picked ? listed.versions : [];
}

const versionLabel = (v: string) => (v === 'DRAFT' ? 'DRAFT (working draft)' : `Version ${v}`);

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
  const [listed, setListed] = useState<Versions>(null);
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
      const versions = r.ok ? r.value.guardrails.map((g) => g.version) : [];
      if (live) setListed({ guardrailId: picked, versions });
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
  const versions = versionsFor(listed, picked);
  const empty =
    listing === null ? 'Loading…' : known.length ? 'Choose one…' : 'None in this Region';
  const guardrailChoices: Choice[] = [
    { value: '', label: empty },
    ...known.map((g) => ({ value: g.id, label: `${g.name} (${g.id})` })),
  ];
  const versionChoices: Choice[] = [
    ...(versions.includes(version) ? [] : [{ value: '', label: 'Typed below' }]),
    ...versions.map((v) => ({ value: v, label: versionLabel(v) })),
  ];
  return (
    <>
      <SelectField
        label="Your guardrails"
        value={picked}
        options={guardrailChoices}
        onChange={(value) => onPick(value, 'DRAFT')}
      />
      {versions.length > 0 ? (
        <SelectField
          label="Version to use"
          value={versions.includes(version) ? version : ''}
          options={versionChoices}
          onChange={(value) => onPick(picked, value)}
        />
      ) : null}
    </>
  );
}
