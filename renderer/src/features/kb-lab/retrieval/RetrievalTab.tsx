/** Being built this session (replaced before the work lands). */
export function RetrievalTab() {
  return <p>Not built yet.</p>;
}
