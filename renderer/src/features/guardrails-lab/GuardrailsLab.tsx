import { useState } from 'react';
import { ScreenHeading } from '../../components/ScreenHeading';
import { TabStrip } from '../../components/Tabs';
import { AgentTab } from './agent/AgentTab';
import { BedrockAgentTab } from './bedrock-agent/BedrockAgentTab';
import { BenchTab } from './bench/BenchTab';
import { BuilderTab } from './builder/BuilderTab';
import './guardrails-lab.css';

type View = 'builder' | 'bench' | 'agent' | 'bedrock-agent';
const VIEWS: { id: View; label: string }[] = [
  { id: 'builder', label: 'Guardrail builder' },
  { id: 'bench', label: 'Test bench' },
  { id: 'agent', label: 'Agent, step by step' },
  { id: 'bedrock-agent', label: 'Agent on Bedrock' },
];

/** The guardrails and agents lab: a container for its tabs. */
export default function GuardrailsLab() {
  const [view, setView] = useState<View>('builder');
  return (
    <section className="screen lab guardrails-lab">
      <header className="screen-header">
        <ScreenHeading>Guardrails and agents lab</ScreenHeading>
        <p className="lede">
          Build a Bedrock guardrail and test it without calling a model, then watch an agent reason,
          call tools and answer, one step at a time.
        </p>
      </header>
      <TabStrip
        tabs={VIEWS}
        current={view}
        onSelect={setView}
        label="Guardrails and agents views"
      />
      {view === 'builder' ? <BuilderTab /> : null}
      {view === 'bench' ? <BenchTab /> : null}
      {view === 'agent' ? <AgentTab /> : null}
      {view === 'bedrock-agent' ? <BedrockAgentTab /> : null}
    </section>
  );
}
