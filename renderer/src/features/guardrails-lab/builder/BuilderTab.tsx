/** Being built this session (replaced before the work lands). */
export function BuilderTab() {
  return <p>Not built yet.</p>;
}
