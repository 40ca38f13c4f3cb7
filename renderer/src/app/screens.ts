/** The screens that exist, in navigation order. Later features add theirs here. */
export interface Screen {
  path: string;
  label: string;
  /**
   * Ctrl/Cmd + this key opens the screen. Letters are listed in capitals; none may be one the
   * Electron default menu takes (Ctrl+0 resets the zoom, Ctrl+R reloads, Ctrl+W closes, Ctrl+M
   * minimises, Ctrl+Z/X/C/V/A edit).
   */
  key: string;
  icon: string;
  /** The navigation group the screen is listed under. */
  group: ScreenGroup;
}

/** The navigation's groups, in order; Settings stands alone at the end. */
export const SCREEN_GROUPS = ['Study', 'Labs', 'Amazon Bedrock', 'App'] as const;
export type ScreenGroup = (typeof SCREEN_GROUPS)[number];

export const SCREENS: readonly Screen[] = [
  { path: '/', label: 'Home', key: '1', icon: 'home', group: 'Study' },
  { path: '/notes', label: 'Notes', key: '2', icon: 'notes', group: 'Study' },
  { path: '/glossary', label: 'Glossary', key: '3', icon: 'glossary', group: 'Study' },
  { path: '/practice', label: 'Practice', key: '4', icon: 'practice', group: 'Study' },
  { path: '/token-lab', label: 'Token lab', key: '5', icon: 'tokens', group: 'Labs' },
  { path: '/diffusion-lab', label: 'Diffusion lab', key: '6', icon: 'diffusion', group: 'Labs' },
  {
    path: '/knowledge-bases',
    label: 'Knowledge bases',
    key: '9',
    icon: 'knowledge',
    group: 'Labs',
  },
  { path: '/evaluation', label: 'Evaluation', key: 'E', icon: 'evaluation', group: 'Labs' },
  {
    path: '/guardrails',
    label: 'Guardrails & agents',
    key: 'G',
    icon: 'guardrails',
    group: 'Labs',
  },
  {
    path: '/customization',
    label: 'Customization',
    key: 'U',
    icon: 'customization',
    group: 'Labs',
  },
  { path: '/models', label: 'Models', key: '7', icon: 'models', group: 'Amazon Bedrock' },
  {
    path: '/playground',
    label: 'Playground',
    key: '8',
    icon: 'playground',
    group: 'Amazon Bedrock',
  },
  {
    path: '/invocation-log',
    label: 'Invocation log',
    key: 'L',
    icon: 'log',
    group: 'Amazon Bedrock',
  },
  { path: '/settings', label: 'Settings', key: ',', icon: 'settings', group: 'App' },
];
