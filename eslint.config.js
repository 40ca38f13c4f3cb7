// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Files allowed to import 'electron': the thin Electron layer. Everything else runs in plain Node. */
const electronFiles = [
  'electron/main/index.ts',
  'electron/main/window.ts',
  'electron/main/security.ts',
  'electron/main/protocol.ts',
  'electron/main/ipc.ts',
  'electron/preload/**/*.ts',
];

/**
 * One inner layer's extra import rules. They use typescript-eslint's rule (it can allow type-only
 * imports) so they add to, rather than replace, the renderer-wide rule below.
 */
function innerLayer(files, patterns) {
  return [
    {
      files: [files],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          { patterns: [awsPattern, ...patterns] },
        ],
      },
    },
  ];
}

/** Only these folders talk to AWS: everything else reaches AWS through them. */
const awsPattern = {
  group: ['@aws-sdk/*', '@smithy/*'],
  message: 'Only electron/main/bedrock/ and electron/main/aws/ import AWS SDK clients.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/only-throw-error': 'error',
      eqeqeq: ['error', 'smart'],
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly' },
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'The renderer talks to main only through window.stratum (see shared/contract.ts).',
            },
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'The renderer runs in a browser: no Node built-ins.',
            })),
          ],
          patterns: [
            { group: ['**/electron/**'], message: 'The renderer never imports electron/ code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    ignores: ['electron/main/bedrock/**', 'electron/main/aws/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [awsPattern] }] },
  },
  // The renderer's inner layers (see DESIGN.md): lib/ is pure logic, components/ is the control
  // kit every screen shares, workers/ run lib/ code off the UI thread. Each may reach only down.
  ...innerLayer('renderer/src/lib/**/*.{ts,tsx}', [
    { group: ['**/db/*', '!**/db/schema'], message: 'lib/ is pure logic: no database code.' },
    {
      group: ['**/db/schema'],
      allowTypeImports: true,
      message: 'lib/ may name the row shapes (import type) but runs no database code.',
    },
    {
      group: ['**/features/**', '**/app/**'],
      message: 'lib/ imports nothing from features/ or app/.',
    },
    { group: ['**/components/**'], message: 'lib/ is pure logic: no UI.' },
  ]),
  ...innerLayer('renderer/src/content/**/*.{ts,tsx}', [
    {
      group: ['**/db/**', '**/features/**', '**/app/**', '**/components/**'],
      message:
        'content/ gives the study material to every screen: it imports only shared/ and lib/.',
    },
  ]),
  ...innerLayer('renderer/src/components/**/*.{ts,tsx}', [
    {
      group: ['**/features/**', '**/app/**'],
      message: 'components/ is the shared control kit: it imports nothing from features/ or app/.',
    },
  ]),
  ...innerLayer('renderer/src/workers/**/*.ts', [
    { group: ['**/features/**', '**/app/**'], message: 'workers/ import lib/, never features/.' },
  ]),
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ is imported by both sides: no Electron.' },
            { name: 'react', message: 'shared/ holds no UI.' },
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'shared/ imports neither Node nor DOM.',
            })),
          ],
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'shared/ depends on nothing but itself and content/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: electronFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'Only the thin Electron layer (index, window, security, protocol, ipc, preload) imports electron; this file must run in plain Node for browser mode and tests.',
            },
            { name: 'react', message: 'The privileged side has no UI.' },
          ],
          patterns: [
            { group: ['**/renderer/**'], message: 'electron/ never imports renderer code.' },
          ],
        },
      ],
    },
  },
  {
    files: electronFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'react', message: 'The privileged side has no UI.' }],
          patterns: [
            { group: ['**/renderer/**'], message: 'electron/ never imports renderer code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // Vitest's asymmetric matchers (expect.any, expect.stringMatching) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
);
