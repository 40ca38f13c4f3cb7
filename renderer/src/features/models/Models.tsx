/**
 * The Models screen: the catalog of foundation models Bedrock serves, filtered, with list prices
 * and (after a free check) what the chosen region offers.
 */
import { useMemo, useState } from 'react';
import { CATALOG } from '../../../../shared/catalog';
import { useSettings } from '../../app/settings-context';
import { ErrorPanel } from '../../components/ConnectionStatus';
import { ScreenHeading } from '../../components/ScreenHeading';
import { formatDate, formatTime } from '../../lib/format';
import { filterCatalog, NO_FILTERS, type CatalogFilters } from './catalog-view';
import { ModelFilters } from './ModelFilters';
import { ModelTable } from './ModelTable';
import { useAvailabilityCheck } from './use-availability-check';
import './models.css';

export default function Models() {
  const { state } = useSettings();
  const region = state?.settings.aws.region ?? 'us-east-1';
  const [filters, setFilters] = useState<CatalogFilters>(NO_FILTERS);
  const { current, error, checking, check } = useAvailabilityCheck(region);
  const providers = useMemo(() => [...new Set(CATALOG.models.map((m) => m.provider))].sort(), []);
  const shown = filterCatalog(CATALOG.models, filters);

  return (
    <section className="screen models-screen">
      <header className="screen-header">
        <ScreenHeading>Models</ScreenHeading>
        <p className="lede">
          The foundation models Amazon Bedrock serves: who makes them, what goes in and out, how
          much they can read, and what they cost on demand.
        </p>
      </header>

      <div className="card">
        <ModelFilters
          filters={filters}
          onChange={(change) => setFilters((f) => ({ ...f, ...change }))}
          providers={providers}
          region={region}
          checking={checking}
          onCheck={() => void check()}
        />
        {error ? <ErrorPanel error={error} /> : null}
        {current ? (
          <p className="muted small" role="status">
            {current.models.length} models and {current.inferenceProfiles.length} inference profiles
            are listed in {current.region} (checked {formatTime(current.checkedAt)}). Listed means
            offered in the region; your account&apos;s access is confirmed only when a call
            succeeds.
          </p>
        ) : null}
        <ModelTable models={shown} region={region} availability={current} />
        <p className="muted small">
          Each model is listed once, under the id Stratum calls it by in {region}: a cross-region
          inference profile (an id that starts with a geography such as <code>us.</code>) when AWS
          documents one, otherwise the model id. Prices are on-demand list prices from{' '}
          {CATALOG.pricingSource}, checked {formatDate(CATALOG.pricesCheckedOn)}. They change:
          confirm on the AWS pricing page before you rely on them. Batch inference is usually
          cheaper; Provisioned Throughput is billed by the hour instead.
        </p>
      </div>
    </section>
  );
}
