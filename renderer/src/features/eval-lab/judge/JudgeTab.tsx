/** Being built this session (replaced before the work lands). */
export function JudgeTab() {
  return <p>Not built yet.</p>;
}
