/** Being built this session (replaced before the work lands). */
export function RunsTab() {
  return <p>Not built yet.</p>;
}
