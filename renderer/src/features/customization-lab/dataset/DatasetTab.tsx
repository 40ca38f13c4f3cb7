/** Being built this session (replaced before the work lands). */
export function DatasetTab() {
  return <p>Not built yet.</p>;
}
