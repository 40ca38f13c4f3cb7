/** The app: hash routing, the shared settings, and the shell (sidebar, screen, search palette). */
import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { Router, useLocation } from 'wouter';
import { KeysHelp } from '../components/KeysHelp';
import { useHashLocation } from 'wouter/use-hash-location';
import { Routes } from './Routes';
import { SettingsProvider } from './settings-context';
import { Sidebar } from './Sidebar';
import { useFocusOnNavigate } from './use-focus-on-navigate';
import { useIdleWarmup } from './use-idle-warmup';
import { EVERYWHERE_KEYS, useShortcuts } from './use-shortcuts';

const loadSearchPalette = () => import('../features/search/SearchPalette');
const SearchPalette = lazy(loadSearchPalette);

function Shell() {
  const [location, navigate] = useLocation();
  const main = useRef<HTMLElement>(null);
  const [searching, setSearching] = useState(false);
  const openSearch = useCallback(() => setSearching(true), []);
  useShortcuts(navigate, openSearch);
  useIdleWarmup(loadSearchPalette);
  useFocusOnNavigate(location);

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
      <Sidebar location={location} onSearch={openSearch} />
      <main id="main" ref={main} className="content">
        <Routes />
      </main>
      {searching ? (
        <Suspense fallback={null}>
          <SearchPalette onClose={() => setSearching(false)} />
        </Suspense>
      ) : null}
      <KeysHelp everywhere={EVERYWHERE_KEYS} />
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
