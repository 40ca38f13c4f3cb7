/**
 * Electron's security checklist, applied to every webContents and the default session:
 * navigation stays inside the app, new windows are refused (safe https links go to the system
 * browser), <webview> is refused, and every permission request is denied.
 */
import { shell, type Session, type WebContents } from 'electron';
import { isInternalUrl, isSafeExternalUrl } from './urls';

export function installContentsPolicy(contents: WebContents, devServerUrl: string | null): void {
  contents.on('will-navigate', (event, url) => {
    if (!isInternalUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isInternalUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function installSessionPolicy(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
