/** Being built this session (replaced before the work lands). */
export function QualityTab() {
  return <p>Not built yet.</p>;
}
