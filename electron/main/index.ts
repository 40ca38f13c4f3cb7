/**
 * The Electron entry point: app lifecycle only. Policy lives in security.ts, the window in
 * window.ts, the contract binding in ipc.ts, and everything AWS in bedrock/.
 */
import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { createBackend } from './handlers';
import { bindIpc } from './ipc';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { installContentsPolicy, installSessionPolicy } from './security';
import { openSettingsStore } from './settings-store';
import { APP_ORIGIN } from './urls';
import { createMainWindow } from './window';

const devServerUrl = !app.isPackaged ? (process.env.ELECTRON_RENDERER_URL ?? null) : null;

app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  // Applies the navigation, window-open and webview policy to every webContents, however made.
  app.on('web-contents-created', (_event, contents) =>
    installContentsPolicy(contents, devServerUrl),
  );

  void app.whenReady().then(async () => {
    installSessionPolicy(session.defaultSession);
    handleAppProtocol(join(import.meta.dirname, '../renderer'));

    const store = await openSettingsStore(app.getPath('userData'));
    const backend = createBackend({ store, mode: 'electron', version: app.getVersion() });
    bindIpc(backend, devServerUrl);

    const open = () =>
      createMainWindow({
        preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
        url: devServerUrl ?? `${APP_ORIGIN}/index.html`,
        devServerUrl,
      });
    open();

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) open();
    });
    // Let the invocation log finish writing the calls already recorded, then quit for real.
    let logFlushed = false;
    app.on('before-quit', (event) => {
      if (logFlushed) return;
      event.preventDefault();
      void backend.log
        .flush()
        .catch(() => undefined)
        .finally(() => {
          logFlushed = true;
          backend.dispose();
          app.quit();
        });
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
