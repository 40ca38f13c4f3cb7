/** Being built this session (replaced before the work lands). */
export function BenchTab() {
  return <p>Not built yet.</p>;
}
