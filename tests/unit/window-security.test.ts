/**
 * The window's security policy, tested against a mocked `electron` module (the real binary cannot
 * run here). It checks what the app asks Electron to do: the webPreferences it builds the window
 * with and the handlers it installs, then drives those handlers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Handler = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  const state = {
    windows: [] as { options: Record<string, unknown>; contents: FakeContents; loaded: string[] }[],
    openExternal: [] as string[],
    permissionRequest: null as Handler | null,
    permissionCheck: null as Handler | null,
  };
  class FakeContents {
    listeners = new Map<string, Handler[]>();
    windowOpen: Handler | null = null;
    on(event: string, fn: Handler) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
      return this;
    }
    setWindowOpenHandler(fn: Handler) {
      this.windowOpen = fn;
    }
    emit(event: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(event) ?? []) fn(...args);
    }
  }
  class BrowserWindow {
    webContents = new FakeContents();
    constructor(public options: Record<string, unknown>) {
      state.windows.push({ options, contents: this.webContents, loaded: [] });
    }
    once() {
      return this;
    }
    loadURL(url: string) {
      state.windows.at(-1)?.loaded.push(url);
      return Promise.resolve();
    }
  }
  return { state, FakeContents, BrowserWindow };
});

vi.mock('electron', () => ({
  BrowserWindow: electron.BrowserWindow,
  nativeTheme: { shouldUseDarkColors: false },
  shell: {
    openExternal: (url: string) => {
      electron.state.openExternal.push(url);
      return Promise.resolve();
    },
  },
}));

const { createMainWindow } = await import('../../electron/main/window');
const { installSessionPolicy } = await import('../../electron/main/security');
const {
  CONTENT_SECURITY_POLICY,
  DEV_CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  withCspMeta,
} = await import('../../electron/main/csp');

function preventable() {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
  return event;
}

describe('the main window', () => {
  beforeEach(() => {
    electron.state.windows.length = 0;
    electron.state.openExternal.length = 0;
  });

  const open = () => {
    createMainWindow({
      preloadPath: '/app/out/preload/index.cjs',
      url: 'app://stratum/index.html',
      devServerUrl: null,
    });
    const win = electron.state.windows[0];
    if (!win) throw new Error('no window was created');
    return win;
  };

  it('is built with contextIsolation, sandbox and no Node integration', () => {
    const prefs = open().options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
  });

  it('loads the app from the app:// protocol, not file://', () => {
    expect(open().loaded).toEqual(['app://stratum/index.html']);
  });

  it('blocks navigation and redirects away from the app', () => {
    const { contents } = open();
    for (const kind of ['will-navigate', 'will-redirect']) {
      expect(contents.listeners.get(kind)).toHaveLength(1);
      const away = preventable();
      contents.emit(kind, away, 'https://evil.example/');
      expect(away.defaultPrevented).toBe(true);
      const inside = preventable();
      contents.emit(kind, inside, 'app://stratum/index.html#/settings');
      expect(inside.defaultPrevented).toBe(false);
    }
  });

  it('refuses <webview>', () => {
    const { contents } = open();
    const event = preventable();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies every new window and sends only safe https links to the system browser', () => {
    const { contents } = open();
    expect(contents.windowOpen).not.toBeNull();
    const handler = contents.windowOpen!;
    expect(handler({ url: 'https://aws.amazon.com/bedrock/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'http://insecure.example/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(electron.state.openExternal).toEqual(['https://aws.amazon.com/bedrock/']);
  });
});

describe('the session policy', () => {
  it('denies every permission request and check', () => {
    let request: Handler | null = null;
    let check: Handler | null = null;
    installSessionPolicy({
      setPermissionRequestHandler: (fn: Handler) => (request = fn),
      setPermissionCheckHandler: (fn: Handler) => (check = fn),
    } as unknown as Electron.Session);
    const granted: boolean[] = [];
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
    ]) {
      (request as unknown as Handler)({}, permission, (ok: boolean) => granted.push(ok));
    }
    expect(granted).toEqual([false, false, false, false, false]);
    expect((check as unknown as Handler)({}, 'media')).toBe(false);
  });
});

describe('the content security policy', () => {
  const directives = (policy: string) =>
    new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name, ...values]) => [name!, values.join(' ')]),
    );

  it('allows scripts only from the app itself', () => {
    const csp = directives(CONTENT_SECURITY_POLICY);
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
  });

  it('is written into the built index.html, identical except for header-only directives', () => {
    const html = withCspMeta(
      '<html><head><title>x</title></head></html>',
      META_CONTENT_SECURITY_POLICY,
    );
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const header = directives(CONTENT_SECURITY_POLICY);
    header.delete('frame-ancestors'); // not allowed in a meta tag
    expect(directives(meta!)).toEqual(header);
  });

  it('is in the build output when there is one', () => {
    const built = new URL('../../out/renderer/index.html', import.meta.url);
    if (!existsSync(built)) return; // npm test builds before the unit tests; a bare run may not
    const html = readFileSync(built, 'utf8');
    expect(html).toContain(`content="${META_CONTENT_SECURITY_POLICY}"`);
  });

  it('relaxes scripts only for the dev server', () => {
    expect(directives(DEV_CONTENT_SECURITY_POLICY).get('script-src')).toBe(
      "'self' 'unsafe-inline'",
    );
    expect(DEV_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
  });
});
