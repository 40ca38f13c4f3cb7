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
}

export const SCREENS: readonly Screen[] = [
  { path: '/', label: 'Home', key: '1', icon: 'home' },
  { path: '/notes', label: 'Notes', key: '2', icon: 'notes' },
  { path: '/glossary', label: 'Glossary', key: '3', icon: 'glossary' },
  { path: '/practice', label: 'Practice', key: '4', icon: 'practice' },
  { path: '/token-lab', label: 'Token lab', key: '5', icon: 'tokens' },
  { path: '/diffusion-lab', label: 'Diffusion lab', key: '6', icon: 'diffusion' },
  { path: '/knowledge-bases', label: 'Knowledge bases', key: '9', icon: 'knowledge' },
  { path: '/evaluation', label: 'Evaluation', key: 'E', icon: 'evaluation' },
  { path: '/guardrails', label: 'Guardrails and agents', key: 'G', icon: 'guardrails' },
  { path: '/customization', label: 'Customization', key: 'U', icon: 'customization' },
  { path: '/models', label: 'Models', key: '7', icon: 'models' },
  { path: '/playground', label: 'Playground', key: '8', icon: 'playground' },
  { path: '/invocation-log', label: 'Invocation log', key: 'L', icon: 'log' },
  { path: '/settings', label: 'Settings', key: ',', icon: 'settings' },
];
