import { lazy, Suspense } from 'react';
import { Link, Redirect, Route, Switch } from 'wouter';
import { ScreenHeading } from '../components/ScreenHeading';
import { Home } from '../features/home/Home';

// Screens other than Home are split into their own chunks and loaded on first visit.
const Settings = lazy(() => import('../features/settings/Settings'));
const Models = lazy(() => import('../features/models/Models'));
const Notes = lazy(() => import('../features/notes/NotesScreen'));
const Glossary = lazy(() => import('../features/glossary/GlossaryScreen'));
const TokenLab = lazy(() => import('../features/token-lab/TokenLab'));
const Practice = lazy(() => import('../features/quiz/QuizScreen'));
const DiffusionLab = lazy(() => import('../features/diffusion-lab/DiffusionLab'));
const KbLab = lazy(() => import('../features/kb-lab/KbLab'));
const EvalLab = lazy(() => import('../features/eval-lab/EvalLab'));
const GuardrailsLab = lazy(() => import('../features/guardrails-lab/GuardrailsLab'));
const CustomizationLab = lazy(() => import('../features/customization-lab/CustomizationLab'));
const Playground = lazy(() => import('../features/playground/Playground'));
const InvocationLog = lazy(() => import('../features/invocation-log/InvocationLog'));

/** Every screen at its address (hash routing), and a page for an unknown address. */
export function Routes() {
  return (
    <Suspense
      fallback={
        <p className="loading" role="status">
          Loading…
        </p>
      }
    >
      <Switch>
        <Route path="/" component={Home} />
        <Route path="/notes" component={Notes} />
        <Route path="/notes/:id" component={Notes} />
        <Route path="/glossary" component={Glossary} />
        <Route path="/glossary/:slug" component={Glossary} />
        <Route path="/practice" component={Practice} />
        <Route path="/practice/:view" component={Practice} />
        <Route path="/token-lab" component={TokenLab} />
        <Route path="/diffusion-lab" component={DiffusionLab} />
        <Route path="/knowledge-bases" component={KbLab} />
        <Route path="/evaluation" component={EvalLab} />
        <Route path="/guardrails" component={GuardrailsLab} />
        <Route path="/customization" component={CustomizationLab} />
        <Route path="/models" component={Models} />
        <Route path="/playground" component={Playground} />
        {/* The log was a Playground tab: old links lead to its own screen. */}
        <Route path="/playground/log">
          <Redirect to="/invocation-log" replace />
        </Route>
        <Route path="/playground/:view" component={Playground} />
        <Route path="/invocation-log" component={InvocationLog} />
        <Route path="/settings" component={Settings} />
        <Route>
          <NotFound />
        </Route>
      </Switch>
    </Suspense>
  );
}

function NotFound() {
  return (
    <section className="screen">
      <ScreenHeading>Not found</ScreenHeading>
      <p>
        There is no screen at this address. <Link href="/">Go to Home</Link>.
      </p>
    </section>
  );
}
