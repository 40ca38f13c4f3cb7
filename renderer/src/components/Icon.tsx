/** A few stroke icons drawn inline (no icon font, nothing fetched). */
const PATHS: Record<string, string> = {
  home: 'M3 10.5 12 3l9 7.5V21h-6v-6H9v6H3z',
  models: 'M4 6h16M4 12h16M4 18h10',
  notes: 'M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h7',
  glossary: 'M4 5a2 2 0 0 1 2-2h13v16H6a2 2 0 0 0-2 2zM4 21V5M9 8h6',
  search: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM21 21l-5-5',
  tokens: 'M4 20V10M9 20V4M14 20v-7M19 20v-11',
  practice: 'M9 11l3 3 8-8M20 12v7a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h9',
  playground: 'M4 5h16v11H9l-5 4zM8 9h8M8 12h5',
  diffusion: 'M4 4h4v4H4zM10 4h4v4h-4zM16 4h4v4h-4zM4 10h4v4H4zM10 10h4v4h-4zM4 16h4v4H4z',
  // A stack of documents with a magnifier: the knowledge bases lab.
  knowledge: 'M4 4h10v13H4zM7 8h4M7 11h4M17 14a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM19.2 19.2 21 21',
  // A page of lines: the invocation log.
  log: 'M5 4h14v16H5zM8 8h8M8 12h8M8 16h5',
  // A gauge: the evaluation lab.
  evaluation: 'M4 18a8 8 0 1 1 16 0M12 18l4-6M4 18h16',
  // A shield: the guardrails and agents lab.
  guardrails: 'M12 3 4 6v6c0 4.4 3.4 8.2 8 9 4.6-.8 8-4.6 8-9V6zM9 12l2 2 4-4',
  // A dial with a wrench-like slider: the customization lab.
  customization: 'M4 7h10M18 7h2M4 17h4M12 17h8M14 5v4M8 15v4',
  settings:
    'M12 15.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zm8.4-2.1.1-1.4-.1-1.4 2-1.6-2-3.4-2.4 1a8 8 0 0 0-2.4-1.4L15.2 2h-4l-.4 2.7a8 8 0 0 0-2.4 1.4l-2.4-1-2 3.4 2 1.6-.1 1.4.1 1.4-2 1.6 2 3.4 2.4-1a8 8 0 0 0 2.4 1.4l.4 2.7h4l.4-2.7a8 8 0 0 0 2.4-1.4l2.4 1 2-3.4z',
  check: 'M5 12.5 10 17 19 7',
  alert: 'M12 3 2 21h20zM12 10v5M12 18v.01',
  dot: 'M12 12m-4 0a4 4 0 1 0 8 0a4 4 0 1 0-8 0',
};

export function Icon({ name, size = 18 }: { name: string; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name] ?? PATHS.dot} />
    </svg>
  );
}
