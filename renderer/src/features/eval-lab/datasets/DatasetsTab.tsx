/** Being built this session (replaced before the work lands). */
export function DatasetsTab() {
  return <p>Not built yet.</p>;
}
