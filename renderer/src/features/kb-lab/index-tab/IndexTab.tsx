/** Being built this session (replaced before the work lands). */
export function IndexTab() {
  return <p>Not built yet.</p>;
}
