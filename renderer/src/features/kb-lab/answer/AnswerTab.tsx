/** Being built this session (replaced before the work lands). */
export function AnswerTab() {
  return <p>Not built yet.</p>;
}
