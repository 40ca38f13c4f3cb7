/** Being built this session (replaced before the work lands). */
export function BedrockAgentTab() {
  return <p>Not built yet.</p>;
}
