/**
 * The live run's choices: which stored vector index (complete ones, newest first; the lab's
 * chosen one by default), which rerank model (or none), and Run / Cancel.
 */
import { useEffect, useRef, useState } from 'react';
import { RERANK_REGIONS, type RerankModelId } from '../../../../../shared/knowledge-bases';
import { useSettings } from '../../../app/settings-context';
import { listIndexes, type StoredIndex } from '../../../db/rag';
import { useKbSettings } from '../retrieval-api';
import { runLive } from './live-runner';

export function useLivePanel() {
  const { activeIndexId } = useKbSettings();
  const { state } = useSettings();
  const region = state?.settings.aws.region ?? 'us-east-1';
  const [indexes, setIndexes] = useState<StoredIndex[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [rerank, setRerank] = useState<RerankModelId | 'none'>('none');
  const [running, setRunning] = useState(false);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => {
    let live = true;
    void listIndexes().then((list) => {
      if (live) setIndexes(list.indexes.filter((i) => i.vectorCount >= i.chunkCount));
    });
    return () => {
      live = false;
      abort.current?.abort();
    };
  }, []);
  const index = indexes?.find((i) => i.id === (chosen ?? activeIndexId)) ?? indexes?.[0] ?? null;
  const rerankModels = (Object.keys(RERANK_REGIONS) as RerankModelId[]).filter((m) =>
    RERANK_REGIONS[m].includes(region),
  );
  const run = async () => {
    if (!index || running) return;
    const controller = new AbortController();
    abort.current = controller;
    setRunning(true);
    await runLive(index, rerank === 'none' ? null : rerank, controller.signal);
    setRunning(false);
  };
  return {
    indexes,
    index,
    setChosen,
    rerank,
    setRerank,
    rerankModels,
    region,
    running,
    run,
    cancel: () => abort.current?.abort(),
  };
}
export type LivePanel = ReturnType<typeof useLivePanel>;
