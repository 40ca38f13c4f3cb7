/**
 * What the Models screen shows, as pure functions: which catalog entries pass the filters, what
 * the region's availability check says of a model, and compact token counts ("200k", "1M").
 */
import type { ModelEntry } from '../../../../shared/catalog-schema';
import type { Availability } from '../../../../shared/contract';
import { baseModelId } from '../../../../shared/models';

export interface CatalogFilters {
  query: string;
  provider: string;
  /** An output modality, or '' for any. */
  output: string;
  showRetired: boolean;
}

export const NO_FILTERS: CatalogFilters = {
  query: '',
  provider: '',
  output: '',
  showRetired: false,
};

export function filterCatalog(
  models: readonly ModelEntry[],
  filters: CatalogFilters,
): ModelEntry[] {
  const q = filters.query.trim().toLowerCase();
  return models.filter(
    (m) =>
      (!q || `${m.name} ${m.id} ${m.provider}`.toLowerCase().includes(q)) &&
      (!filters.provider || m.provider === filters.provider) &&
      (!filters.output ||
        m.outputModalities.includes(filters.output as ModelEntry['outputModalities'][number])) &&
      (filters.showRetired || m.lifecycle !== 'end-of-life'),
  );
}

export type RegionStatus = 'listed' | 'profile' | 'absent';

/** On demand in the region, only through an inference profile, or not listed there. */
export function regionStatus(model: ModelEntry, availability: Availability): RegionStatus {
  const listed = availability.models.find((x) => x.modelId === model.id);
  if (listed?.inferenceTypes.includes('ON_DEMAND')) return 'listed';
  const inProfile = availability.inferenceProfiles.some((p) =>
    p.modelIds.some((id) => baseModelId(id) === model.id),
  );
  return inProfile || listed ? 'profile' : 'absent';
}

export const STATUS_TEXT: Record<RegionStatus, string> = {
  listed: 'On demand',
  profile: 'Via profile',
  absent: 'Not listed',
};

/** A token count the way model cards write it: "8,192", "200k", "1M"; null reads "—". */
export function compactTokens(n: number | null): string {
  if (n === null) return '—';
  if (n >= 1_000_000) return `${n / 1_000_000}M`;
  if (n >= 1000) return `${Math.round(n / 1000).toLocaleString('en-US')}k`;
  return String(n);
}
