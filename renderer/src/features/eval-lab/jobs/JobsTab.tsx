/** Being built this session (replaced before the work lands). */
export function JobsTab() {
  return <p>Not built yet.</p>;
}
