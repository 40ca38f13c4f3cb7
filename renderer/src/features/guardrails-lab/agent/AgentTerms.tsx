/**
 * How this loop maps to Amazon Bedrock Agents' own terms (AWS user guide, "How Amazon Bedrock
 * Agents works"; API reference for OrchestrationTrace; "Return control to the agent developer").
 */
const TERMS: { term: string; here: string }[] = [
  {
    term: 'Foundation model',
    here: 'The model you pick: it reads the question and the tool results and decides the next step.',
  },
  {
    term: 'Instructions',
    here: 'The system prompt sent with every turn: what the agent is for and how it should use its tools.',
  },
  {
    term: 'Action groups',
    here: 'The five local tools. Each has a name, a description and a JSON schema for its parameters, as an action group’s function details do; Stratum runs them where a Lambda function would.',
  },
  {
    term: 'Knowledge bases',
    here: 'search_notes plays this part: it looks up passages in your notes for the model to answer from.',
  },
  {
    term: 'Orchestration',
    here: 'The loop itself: call the model, run the tools it asks for, return their results, repeat until it answers or a limit is hit.',
  },
  {
    term: 'Trace',
    here: 'The timeline: the model’s text (a rationale), each tool call (an invocation input), each result (an observation) and the final response.',
  },
  {
    term: 'User confirmation and return of control',
    here: '“Confirm each tool call” pauses before a tool runs, as an action group function can require confirmation or return control to your application instead of running.',
  },
];

export function AgentTerms() {
  return (
    <section className="card agent-terms" aria-labelledby="agent-terms-heading">
      <h2 id="agent-terms-heading">This loop in Bedrock Agents’ terms</h2>
      <dl>
        {TERMS.map((t) => (
          <div key={t.term}>
            <dt>{t.term}</dt>
            <dd>{t.here}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
