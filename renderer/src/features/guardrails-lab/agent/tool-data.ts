/**
 * What the agent's tools read, taken from the same bundled content the learner studies: the
 * notes (id, title, Markdown body), the glossary and the question bank. Sent with each run
 * (see shared/agent-contract.ts for why main does not read them itself); built once.
 */
import type { AgentToolDataInput } from '../../../../../shared/agent-contract';
import { CORPUS } from '../../../content/corpus';
import { BANK } from '../../quiz/bank';

let data: AgentToolDataInput | null = null;

export function agentToolData(): AgentToolDataInput {
  data ??= {
    notes: CORPUS.notes.map((n) => ({ id: n.id, title: n.title, body: n.body })),
    glossary: CORPUS.glossary.map((g) => ({
      term: g.term,
      definition: g.definition,
      note: g.note,
      ...(g.aliases ? { aliases: g.aliases } : {}),
    })),
    questions: BANK,
  };
  return data;
}
