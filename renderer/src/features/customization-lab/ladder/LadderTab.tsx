/** Being built this session (replaced before the work lands). */
export function LadderTab() {
  return <p>Not built yet.</p>;
}
