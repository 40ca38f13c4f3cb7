// Packaging for `npm run dist` (Linux AppImage, macOS dmg, Windows NSIS). It cannot run on the
// build machines used for CI (no Electron binary download there); it runs on a release machine.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'dev.stratum.app',
  productName: 'Stratum',
  directories: { output: 'dist', buildResources: 'build' },
  files: ['out/**', 'package.json'],
  asar: true,
  linux: { target: 'AppImage', category: 'Education' },
  mac: { target: 'dmg', category: 'public.app-category.education' },
  win: { target: 'nsis' },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
  // Electron fuses, flipped in the packaged binary (Electron security checklist, item 19).
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
};
