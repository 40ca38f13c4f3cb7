/**
 * Tabs: a keyboard-operable tab strip (arrow keys move between tabs and focus the new one; only
 * the current tab is in the Tab order), and a routed form whose tabs have their own addresses
 * (`base` for the first, `base/<id>` for the others) so other screens can link to a tab.
 */
import { type ComponentType } from 'react';
import { useLocation, useParams } from 'wouter';
import './tabs.css';

export interface Tab<T extends string = string> {
  id: T;
  label: string;
}

export function TabStrip<T extends string>({
  tabs,
  current,
  onSelect,
  label,
}: {
  tabs: readonly Tab<T>[];
  current: T;
  onSelect: (id: T) => void;
  /** The strip's accessible name, e.g. "Practice modes". */
  label: string;
}) {
  return (
    <div
      className="tabs"
      role="tablist"
      aria-label={label}
      onKeyDown={(e) => {
        const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
        if (!step) return;
        const i = tabs.findIndex((t) => t.id === current);
        const next = tabs[(i + step + tabs.length) % tabs.length]!;
        const strip = e.currentTarget;
        const focusNext = () =>
          (strip.isConnected ? strip : document)
            .querySelector<HTMLElement>(`[role="tab"][data-tab="${next.id}"]`)
            ?.focus();
        // Focus at once (every tab is always rendered), and again after the switch in case a
        // route change rendered the strip anew.
        focusNext();
        onSelect(next.id);
        requestAnimationFrame(focusNext);
      }}
    >
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          data-tab={t.id}
          tabIndex={current === t.id ? 0 : -1}
          aria-selected={current === t.id}
          className={current === t.id ? 'tab active' : 'tab'}
          onClick={() => onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

export interface RoutedView extends Tab {
  Component: ComponentType;
}

/** Tabs whose views live at `base` (the first) and `base/<id>`; used with a `base/:view` route. */
export function RoutedTabs({
  base,
  views,
  label,
}: {
  base: string;
  views: readonly RoutedView[];
  label: string;
}) {
  const params = useParams<{ view?: string }>();
  const [, navigate] = useLocation();
  const current = views.find((v) => v.id === params.view) ?? views[0]!;
  const go = (id: string) => navigate(id === views[0]!.id ? base : `${base}/${id}`);
  return (
    <>
      <TabStrip tabs={views} current={current.id} onSelect={go} label={label} />
      <div role="tabpanel" aria-label={current.label}>
        <current.Component key={current.id} />
      </div>
    </>
  );
}
