/** Home's dashboard data, live from IndexedDB (undefined while loading); see dashboard-data.ts. */
import { useLiveQuery } from 'dexie-react-hooks';
import { CORPUS } from '../../content/corpus';
import { BANK } from '../quiz/bank';
import { useNow } from '../quiz/use-now';
import { loadDashboard, type DashboardData } from './dashboard-data';

export type { DashboardData };

const NOTES = CORPUS.notes.map((n) => ({
  id: n.id,
  title: n.title,
  tasks: n.tasks,
  domain: n.domain,
}));

export function useDashboard(): DashboardData | undefined {
  const now = useNow(60_000);
  return useLiveQuery(() => loadDashboard(new Date(now), BANK, NOTES), [now]);
}
