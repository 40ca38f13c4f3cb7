/** The valid records as JSON Lines files to download, with an optional seeded validation split. */
import { useMemo, useState } from 'react';
import { splitForValidation, type DatasetReport } from '../../../../../shared/customization';
import { RangeField } from '../../../components/fields';
import { formatPercent, plural } from '../../../lib/format';
import { downloadText } from '../../../lib/download';

const JSONL = 'application/jsonl';

const fileStem = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'dataset';

export function ExportPanel({ report, name }: { report: DatasetReport; name: string }) {
  const [percent, setPercent] = useState(0);
  const split = useMemo(
    () => splitForValidation(report.valid, percent / 100, 17, report.limits),
    [report, percent],
  );
  const stem = fileStem(name);
  const skipped = report.totals.invalidLines;
  return (
    <section className="card cl-export" aria-labelledby="cl-export-h">
      <h2 id="cl-export-h">Export</h2>
      <p className="muted">
        Only valid records are written, one per line, with the keys Bedrock documents.
        {skipped > 0
          ? ` ${plural(skipped, 'line')} with problems ${skipped === 1 ? 'is' : 'are'} left out.`
          : ''}
      </p>
      <RangeField
        label="Validation share"
        value={percent}
        min={0}
        max={50}
        step={5}
        display={formatPercent(percent / 100, 0)}
        onChange={setPercent}
        hint="Bedrock takes validation records as a separate file; the split is seeded, so it is the same each time."
      />
      {split.problems.map((p) => (
        <p key={p.message} className="status status-warn" role="alert">
          {p.message}
        </p>
      ))}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={split.training.length === 0}
          onClick={() => downloadText(`${stem}-train.jsonl`, split.trainingJsonl, JSONL)}
        >
          Download {plural(split.training.length, 'training record')} (JSONL)
        </button>
        {percent > 0 ? (
          <button
            type="button"
            disabled={split.validation.length === 0}
            onClick={() => downloadText(`${stem}-validation.jsonl`, split.validationJsonl, JSONL)}
          >
            Download {plural(split.validation.length, 'validation record')} (JSONL)
          </button>
        ) : null}
      </div>
    </section>
  );
}
