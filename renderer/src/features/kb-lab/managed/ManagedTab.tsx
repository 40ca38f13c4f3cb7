/** Being built this session (replaced before the work lands). */
export function ManagedTab() {
  return <p>Not built yet.</p>;
}
