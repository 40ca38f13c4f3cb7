import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Link, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { Icon } from '../components/Icon';
import { ScreenHeading } from '../components/ScreenHeading';
import { Home } from '../features/home/Home';
import { SCREENS } from './screens';
import { requestHeadingFocus } from '../components/focus';
import { SettingsProvider } from './settings-context';
import '../features/search/search.css';

// Screens other than Home are split into their own chunks and loaded on first visit.
const Settings = lazy(() => import('../features/settings/Settings'));
const Models = lazy(() => import('../features/models/Models'));
const Notes = lazy(() => import('../features/notes/NotesScreen'));
const Glossary = lazy(() => import('../features/glossary/GlossaryScreen'));
const TokenLab = lazy(() => import('../features/token-lab/TokenLab'));
const Practice = lazy(() => import('../features/quiz/QuizScreen'));
const DiffusionLab = lazy(() => import('../features/diffusion-lab/DiffusionLab'));
const Playground = lazy(() => import('../features/playground/Playground'));
const loadSearchPalette = () => import('../features/search/SearchPalette');
const SearchPalette = lazy(loadSearchPalette);

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
export const modKey = isMac ? '⌘' : 'Ctrl';

function useShortcuts(navigate: (to: string) => void, openSearch: () => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(isMac ? event.metaKey : event.ctrlKey) || event.altKey || event.shiftKey) return;
      if (event.key.toLowerCase() === 'k') {
        event.preventDefault();
        openSearch();
        return;
      }
      const screen = SCREENS.find((s) => s.key === event.key);
      if (screen) {
        event.preventDefault();
        navigate(screen.path);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, openSearch]);
}

function Shell() {
  const [location, navigate] = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const [searching, setSearching] = useState(false);
  const openSearch = useCallback(() => setSearching(true), []);
  useShortcuts(navigate, openSearch);

  // Load the search palette and build the notes index once the app is idle, so Ctrl/Cmd+K
  // opens at once, answers the first keystroke, and no typed character is lost.
  useEffect(() => {
    const id = requestIdleCallback(
      () =>
        void loadSearchPalette()
          .then(() => import('../content/corpus'))
          .then((m) => m.notesIndex())
          // Then read the review cards into memory, so the first due queue does not wait for it.
          .then(() => import('../db/review'))
          .then((m) => m.warmReviewCards()),
    );
    return () => cancelIdleCallback(id);
  }, []);

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
        <button
          type="button"
          className="search-button"
          onClick={openSearch}
          aria-keyshortcuts={`${isMac ? 'Meta' : 'Control'}+K`}
        >
          <Icon name="search" />
          <span>Search</span>
          <kbd>{`${modKey}+K`}</kbd>
        </button>
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
            <Route path="/notes" component={Notes} />
            <Route path="/notes/:id" component={Notes} />
            <Route path="/glossary" component={Glossary} />
            <Route path="/glossary/:slug" component={Glossary} />
            <Route path="/practice" component={Practice} />
            <Route path="/practice/:view" component={Practice} />
            <Route path="/token-lab" component={TokenLab} />
            <Route path="/diffusion-lab" component={DiffusionLab} />
            <Route path="/models" component={Models} />
            <Route path="/playground" component={Playground} />
            <Route path="/playground/:view" component={Playground} />
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
      {searching ? (
        <Suspense fallback={null}>
          <SearchPalette onClose={() => setSearching(false)} />
        </Suspense>
      ) : null}
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
