/**
 * Generate with Bedrock: practice questions grounded in the notes the learner picks (or every note
 * of a task statement). The main process writes, checks and streams the items; this view shows
 * progress (n of N), calls, tokens and cost as they arrive, lists each rejected item with its
 * reasons, and holds the accepted items for review (preview, edit, accept, discard) unless
 * auto-accept stores them straight away. Review state lives in ./generation-store, so it survives
 * switching tabs, and the items waiting for review are kept on this computer until accepted or
 * discarded, so they survive a reload or restart too.
 *
 * The parts live in ./generate: the settings (GenerateSettings, NotePicker, ModelField and their
 * hook use-generate-form), the run (RunPanel), case-study sets to review (CaseSetReview) and the
 * review list (ReviewList, ReviewItem).
 */
import { CaseSetReview } from './generate/CaseSetReview';
import { ConnectionHint } from './generate/ConnectionHint';
import { GenerateSettings } from './generate/GenerateSettings';
import { ReviewList } from './generate/ReviewList';
import { RunPanel } from './generate/RunPanel';
import { useGenerateForm } from './generate/use-generate-form';
import { useGeneration } from './generation-store';
import './generate-manage.css';

export { estimateRun } from './generate/estimate';

export function GenerateView() {
  const { run, pending, storage } = useGeneration();
  const form = useGenerateForm(run, pending);
  return (
    <div className="gen-view">
      <ConnectionHint />
      <GenerateSettings g={form} />
      {run ? <RunPanel run={run} /> : null}
      <CaseSetReview />
      {!run?.autoAccept || pending.length > 0 ? (
        <ReviewList pending={pending} storage={storage} />
      ) : null}
    </div>
  );
}
