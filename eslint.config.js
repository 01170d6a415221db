// Lint enforces the layer boundaries in DESIGN.md: imports point one way only.
//   features → stores → db/sync → shared;   routes → services → storage → shared.
import fs from 'node:fs';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const featureDirs = fs.existsSync('src/app/features') ? fs.readdirSync('src/app/features') : [];

const zone = (target, from, message, except) => ({ target, from, message, ...(except ? { except } : {}) });

const boundaries = [
  zone('./src/shared', ['./src/app', './src/server'], 'shared is isomorphic: it imports only zod.'),
  zone('./src/server', './src/app', 'The server never imports the PWA.'),
  zone('./src/app', './src/server', 'The PWA never imports the server.'),
  zone(['./src/app/db', './src/app/sync'], ['./src/app/features', './src/app/stores'], 'db/sync know nothing of the UI.'),
  zone('./src/app/stores', './src/app/features', 'Stores know nothing of components.'),
  zone('./src/server/storage', ['./src/server/services', './src/server/routes'], 'storage sits below services.'),
  zone('./src/server/services', './src/server/routes', 'services sit below routes.'),
  ...featureDirs.map((name) =>
    zone(`./src/app/features/${name}`, './src/app/features', 'A feature never imports another feature.', [`./${name}`]),
  ),
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'data', 'test-results', 'playwright-report', 'coverage', '.tmp', '.stryker-tmp', 'reports'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Fastify plugins and async interfaces are async by contract, with or without an await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
      'import-x/no-cycle': 'error',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/shared/**'],
    ignores: ['src/shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!zod$|\\.{1,2}/).*', message: 'shared imports only zod and itself.' }] },
      ],
    },
  },
  {
    files: ['src/app/**'],
    ignores: ['src/app/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'dexie', message: 'Dexie lives only in src/app/db: go through a repository.' }] },
      ],
    },
  },
  {
    files: ['src/app/db/**', 'src/app/sync/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'zustand', 'dexie-react-hooks'].map((name) => ({
            name,
            message: 'No React below features: db and sync are plain TypeScript.',
          })),
        },
      ],
    },
  },
  {
    files: ['src/app/features/**', 'src/app/stores/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Components never call fetch: use the sync API client.' }],
      'no-restricted-properties': ['error', { object: 'window', property: 'fetch', message: 'Components never call fetch.' }],
    },
  },
  {
    // Every word a component shows comes from a catalogue (src/app/i18n): text in JSX and the
    // attributes a person reads or hears are refused as bare strings.
    files: ['src/app/**/*.tsx'],
    ignores: ['src/app/**/*.test.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { include: ['aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'title', 'alt', 'placeholder', 'label'] },
          words: { exclude: ['[0-9!-/:-@[-`{-~\\s·—–×…’‘“”]+'] },
          callees: { exclude: ['t', 'i18n(ext)?', 'require', 'addEventListener', 'removeEventListener', 'includes', 'startsWith', 'endsWith'] },
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
