/** Being built this session (replaced before the work lands). */
export function AgentTab() {
  return <p>Not built yet.</p>;
}
