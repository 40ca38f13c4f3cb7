/** Being built this session (replaced before the work lands). */
export function JobTab() {
  return <p>Not built yet.</p>;
}
