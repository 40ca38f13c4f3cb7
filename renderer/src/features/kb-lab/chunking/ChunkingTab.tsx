/** Being built this session (replaced before the work lands). */
export function ChunkingTab() {
  return <p>Not built yet.</p>;
}
