import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import {
  DEV_CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  withCspMeta,
} from './electron/main/csp';

const root = import.meta.dirname;

/** Writes the app's CSP into index.html: strict in builds, relaxed for Vite's dev server only. */
function contentSecurityPolicy(): Plugin {
  let dev = false;
  return {
    name: 'stratum-csp',
    configResolved(config) {
      dev = config.command === 'serve';
    },
    transformIndexHtml: (html) =>
      withCspMeta(html, dev ? DEV_CONTENT_SECURITY_POLICY : META_CONTENT_SECURITY_POLICY),
  };
}

export default defineConfig({
  main: {
    build: {
      lib: { entry: resolve(root, 'electron/main/index.ts') },
      outDir: resolve(root, 'out/main'),
    },
  },
  preload: {
    build: {
      lib: { entry: resolve(root, 'electron/preload/index.ts') },
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload cannot `require` packages: bundle zod and the contract into one file.
      externalizeDeps: false,
      rolldownOptions: {
        output: { format: 'cjs', entryFileNames: 'index.cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), contentSecurityPolicy()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      // The notes corpus is one deliberately large, lazy chunk (bundled text, loaded on demand).
      chunkSizeWarningLimit: 1024,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
