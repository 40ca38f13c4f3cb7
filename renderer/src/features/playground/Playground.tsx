/**
 * The Playground screen: hands-on work with Bedrock models, as tabs with their own address
 * (#/playground/<view>). The invocation log, which covers every screen's calls, is its own screen
 * (#/invocation-log; the old #/playground/log address leads there). Each view is its own component; this container only lays them out.
 */
import { ScreenHeading } from '../../components/ScreenHeading';
import { RoutedTabs, type RoutedView } from '../../components/Tabs';
import { ChatView } from './ChatView';
import { CompareView } from './CompareView';
import './chat.css';

/** The Playground's tabs, in order. The first one is shown at /playground. */
const VIEWS: readonly RoutedView[] = [
  { id: 'chat', label: 'Chat', Component: ChatView },
  { id: 'compare', label: 'Compare', Component: CompareView },
];

export default function Playground() {
  return (
    <section className="screen playground-screen">
      <header className="screen-header">
        <ScreenHeading>Playground</ScreenHeading>
      </header>
      <RoutedTabs base="/playground" views={VIEWS} label="Playground views" />
    </section>
  );
}
