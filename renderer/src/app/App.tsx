import { lazy, Suspense, useEffect, useRef } from 'react';
import { Link, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { Icon } from '../components/Icon';
import { ScreenHeading } from '../components/ScreenHeading';
import { Home } from '../features/home/Home';
import { SCREENS } from './screens';
import { requestHeadingFocus } from './focus';
import { SettingsProvider } from './settings-context';

// Screens other than Home are split into their own chunks and loaded on first visit.
const Settings = lazy(() => import('../features/settings/Settings'));
const Models = lazy(() => import('../features/models/Models'));

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
export const modKey = isMac ? '⌘' : 'Ctrl';

function useShortcuts(navigate: (to: string) => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(isMac ? event.metaKey : event.ctrlKey) || event.altKey || event.shiftKey) return;
      const screen = SCREENS.find((s) => s.key === event.key);
      if (screen) {
        event.preventDefault();
        navigate(screen.path);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);
}

function Shell() {
  const [location, navigate] = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useShortcuts(navigate);

  // After navigating (not on first load), focus moves to the new screen's heading.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    requestHeadingFocus();
  }, [location]);

  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          main.current?.querySelector<HTMLElement>('h1')?.focus();
        }}
      >
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span>
            <strong>Stratum</strong>
            <small>AIF-C01 study companion</small>
          </span>
        </div>
        <ul>
          {SCREENS.map((screen) => {
            const active =
              screen.path === '/' ? location === '/' : location.startsWith(screen.path);
            return (
              <li key={screen.path}>
                <Link
                  href={screen.path}
                  className={active ? 'nav-link active' : 'nav-link'}
                  aria-current={active ? 'page' : undefined}
                  aria-keyshortcuts={`${isMac ? 'Meta' : 'Control'}+${screen.key}`}
                  title={`${screen.label} (${modKey}+${screen.key})`}
                >
                  <Icon name={screen.icon} />
                  <span>{screen.label}</span>
                  <kbd>{`${modKey}+${screen.key}`}</kbd>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <main id="main" ref={main} className="content">
        <Suspense
          fallback={
            <p className="loading" role="status">
              Loading…
            </p>
          }
        >
          <Switch>
            <Route path="/" component={Home} />
            <Route path="/models" component={Models} />
            <Route path="/settings" component={Settings} />
            <Route>
              <section className="screen">
                <ScreenHeading>Not found</ScreenHeading>
                <p>
                  There is no screen at this address. <Link href="/">Go to Home</Link>.
                </p>
              </section>
            </Route>
          </Switch>
        </Suspense>
      </main>
    </div>
  );
}

export function App() {
  return (
    <Router hook={useHashLocation}>
      <SettingsProvider>
        <Shell />
      </SettingsProvider>
    </Router>
  );
}
