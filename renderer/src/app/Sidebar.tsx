import { Link } from 'wouter';
import { Icon } from '../components/Icon';
import { modKey, modKeyName } from './platform';
import { SCREENS } from './screens';
import '../features/search/search.css';

/** The main navigation: the brand, the search button and a link per screen with its shortcut. */
export function Sidebar({ location, onSearch }: { location: string; onSearch: () => void }) {
  return (
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
        onClick={onSearch}
        aria-keyshortcuts={`${modKeyName}+K`}
      >
        <Icon name="search" />
        <span>Search</span>
        <kbd>{`${modKey}+K`}</kbd>
      </button>
      <ul>
        {SCREENS.map((screen) => {
          const active = screen.path === '/' ? location === '/' : location.startsWith(screen.path);
          return (
            <li key={screen.path}>
              <Link
                href={screen.path}
                className={active ? 'nav-link active' : 'nav-link'}
                aria-current={active ? 'page' : undefined}
                aria-keyshortcuts={`${modKeyName}+${screen.key}`}
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
  );
}
