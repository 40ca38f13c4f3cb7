/** Being built this session (replaced before the work lands). */
export function HumanTab() {
  return <p>Not built yet.</p>;
}
