/** Saved token-lab experiments. Rows are validated on the way out; a bad row is skipped, not deleted. */
import { getDb } from './db';
import { TokenExperiment } from './schema';

export async function saveExperiment(experiment: TokenExperiment): Promise<void> {
  await getDb().experiments.put(TokenExperiment.parse(experiment));
}

export async function listExperiments(): Promise<TokenExperiment[]> {
  const rows = await getDb().experiments.orderBy('createdAt').reverse().toArray();
  return rows.flatMap((row) => {
    const parsed = TokenExperiment.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function deleteExperiment(id: string): Promise<TokenExperiment | null> {
  const db = getDb();
  return db.transaction('rw', db.experiments, async () => {
    const row = TokenExperiment.safeParse(await db.experiments.get(id));
    await db.experiments.delete(id);
    return row.success ? row.data : null;
  });
}
