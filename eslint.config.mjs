// ESLint flat config: type-aware rules for the TypeScript sources, the recommended rules for the .mjs
// scripts and runners, and the import boundaries of docs/architecture.md. Run with --max-warnings 0.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The engine's front door: the rest of the product imports engine/index and nothing past it. */
const ENGINE_FRONT_DOOR = {
  group: ['**/engine/*', '!**/engine/index', '**/engine/*/**'],
  message: 'Import the engine through its front door, engine/index (docs/architecture.md).',
};
const NO_VSCODE = [
  { name: 'vscode', message: 'Only the client imports vscode.' },
  { name: 'vscode-languageserver', message: 'The engine, the features and the CLI never speak LSP.' },
  { name: 'vscode-languageserver/node', message: 'The engine, the features and the CLI never speak LSP.' },
];
const NO_AWS_SDK = { group: ['@aws-sdk/*'], message: 'Only client/src/aws imports the AWS SDK.' };

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      '.tmp/**',
      'artifacts/**',
      '**/node_modules/**',
      'engine/generated/**',
      '**/*.js',
      'client/src/monitor/webview/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        project: ['./engine/tsconfig.json', './server/tsconfig.json', './client/tsconfig.json', './test/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            {
              from: 'package',
              name: ['test', 'it', 'describe', 'suite', 'before', 'after', 'beforeEach', 'afterEach'],
              package: 'node:test',
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.mjs'],
    ...js.configs.recommended,
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      ...js.configs.recommended.rules,
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Browser-side code that Playwright evaluates inside the page.
    files: ['test/e2e/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: NO_VSCODE, patterns: [NO_AWS_SDK] }],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [NO_VSCODE[0]], patterns: [ENGINE_FRONT_DOOR, NO_AWS_SDK] }],
    },
  },
  {
    files: ['server/src/features/**/*.ts', 'server/src/cli/**/*.ts', 'server/src/cli.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: NO_VSCODE, patterns: [ENGINE_FRONT_DOOR, NO_AWS_SDK] }],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    ignores: ['client/src/aws/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [ENGINE_FRONT_DOOR, NO_AWS_SDK] }],
    },
  },
  {
    files: ['client/src/aws/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [ENGINE_FRONT_DOOR] }],
    },
  },
);
