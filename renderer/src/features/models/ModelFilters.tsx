/** The Models screen's toolbar: search, provider, output, end-of-life models, availability check. */
import { useId } from 'react';
import type { CatalogFilters } from './catalog-view';

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
  const ids = { search: useId(), provider: useId(), output: useId() };
  return (
    <div className="toolbar">
      <div className="field inline">
        <label htmlFor={ids.search}>Search</label>
        <input
          id={ids.search}
          type="search"
          value={filters.query}
          onChange={(e) => onChange({ query: e.target.value })}
          placeholder="Name or id"
        />
      </div>
      <div className="field inline">
        <label htmlFor={ids.provider}>Provider</label>
        <select
          id={ids.provider}
          value={filters.provider}
          onChange={(e) => onChange({ provider: e.target.value })}
        >
          <option value="">All</option>
          {providers.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </div>
      <div className="field inline">
        <label htmlFor={ids.output}>Output</label>
        <select
          id={ids.output}
          value={filters.output}
          onChange={(e) => onChange({ output: e.target.value })}
        >
          <option value="">Any</option>
          <option value="text">Text</option>
          <option value="image">Image</option>
          <option value="embedding">Embedding</option>
        </select>
      </div>
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
