import { Link } from 'wouter';
import { Icon } from '../components/Icon';
import { modKey, modKeyName } from './platform';
import { SCREEN_GROUPS, SCREENS, type Screen, type ScreenGroup } from './screens';
import '../features/search/search.css';

/**
 * The main navigation: the brand, the search button and a link per screen with its shortcut,
 * grouped (Study, Labs, Amazon Bedrock) with Settings last on its own.
 */
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
      {SCREEN_GROUPS.map((group) => (
        <NavGroup key={group} group={group} location={location} />
      ))}
    </nav>
  );
}

/** One group of the navigation: a small heading (none for the app group) and its links. */
function NavGroup({ group, location }: { group: ScreenGroup; location: string }) {
  const screens = SCREENS.filter((screen) => screen.group === group);
  const id = `nav-group-${group.toLowerCase().replace(/\s+/g, '-')}`;
  const titled = group !== 'App';
  return (
    <div className={titled ? 'nav-group' : 'nav-group nav-group-app'}>
      {titled ? (
        <h2 id={id} className="nav-group-title">
          {group}
        </h2>
      ) : null}
      <ul aria-labelledby={titled ? id : undefined}>
        {screens.map((screen) => (
          <NavItem key={screen.path} screen={screen} location={location} />
        ))}
      </ul>
    </div>
  );
}

function NavItem({ screen, location }: { screen: Screen; location: string }) {
  const active = screen.path === '/' ? location === '/' : location.startsWith(screen.path);
  return (
    <li>
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
}
