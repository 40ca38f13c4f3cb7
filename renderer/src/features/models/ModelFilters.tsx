/** The Models screen's toolbar: search, provider, output, end-of-life models, availability check. */
import { SearchField, SelectField } from '../../components/choice-fields';
import type { CatalogFilters } from './catalog-view';

const OUTPUTS = [
  { value: '', label: 'Any' },
  { value: 'text', label: 'Text' },
  { value: 'image', label: 'Image' },
  { value: 'embedding', label: 'Embedding' },
];

export function ModelFilters({
  filters,
  onChange,
  providers,
  region,
  checking,
  onCheck,
}: {
  filters: CatalogFilters;
  onChange: (change: Partial<CatalogFilters>) => void;
  providers: readonly string[];
  region: string;
  checking: boolean;
  onCheck: () => void;
}) {
  return (
    <div className="toolbar">
      <SearchField
        inline
        label="Search"
        value={filters.query}
        onChange={(query) => onChange({ query })}
        placeholder="Name or id"
      />
      <SelectField
        inline
        label="Provider"
        value={filters.provider}
        options={[{ value: '', label: 'All' }, ...providers.map((p) => ({ value: p, label: p }))]}
        onChange={(provider) => onChange({ provider })}
      />
      <SelectField
        inline
        label="Output"
        value={filters.output}
        options={OUTPUTS}
        onChange={(output) => onChange({ output })}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={filters.showRetired}
          onChange={(e) => onChange({ showRetired: e.target.checked })}
        />
        Show end-of-life models
      </label>
      <button type="button" onClick={onCheck} disabled={checking}>
        {checking ? 'Checking…' : `Check availability in ${region}`}
      </button>
    </div>
  );
}
