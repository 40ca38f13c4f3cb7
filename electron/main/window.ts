import { BrowserWindow, nativeTheme } from 'electron';
import { installContentsPolicy } from './security';

export interface WindowOptions {
  preloadPath: string;
  url: string;
  devServerUrl: string | null;
}

/** The secure webPreferences every Stratum window uses (exported for the unit test). */
export function secureWebPreferences(preloadPath: string): Electron.WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export function createMainWindow({ preloadPath, url, devServerUrl }: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 600,
    show: false,
    title: 'Stratum',
    // Matches the renderer's background so there is no white flash in dark mode.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#12151b' : '#f7f8fa',
    webPreferences: secureWebPreferences(preloadPath),
  });
  installContentsPolicy(win.webContents, devServerUrl);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url);
  return win;
}
