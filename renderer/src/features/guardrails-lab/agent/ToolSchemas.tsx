/**
 * The tools as the model is told about them: each toolSpec's name, description and the JSON
 * schema of its input, derived from the same zod schemas main validates calls with.
 */
import { converseTools } from '../../../../../shared/agent-tools';

const TOOLS = converseTools();

export function ToolSchemas() {
  return (
    <section className="card agent-tools" aria-labelledby="agent-tools-heading">
      <h2 id="agent-tools-heading">The tools (action group functions)</h2>
      <p className="hint">
        Sent with every turn as Converse’s <code>toolConfig</code>. A call whose input breaks its
        schema is refused and the model reads why.
      </p>
      {TOOLS.map(({ toolSpec }) => (
        <details key={toolSpec.name}>
          <summary>
            <code>{toolSpec.name}</code>
          </summary>
          <p>{toolSpec.description}</p>
          <pre className="agent-json">{JSON.stringify(toolSpec.inputSchema.json, null, 2)}</pre>
        </details>
      ))}
    </section>
  );
}
