/** Being built this session (replaced before the work lands). */
export function CostsTab() {
  return <p>Not built yet.</p>;
}
