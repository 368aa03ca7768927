// Lint: typescript-eslint (type-checked), Office add-in batching rules in addin/,
// and the layering of style.md enforced with no-restricted-imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'stream',
  'zlib',
  'util',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'out/',
      'test-output/',
      'coverage/',
      'examples/',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'core/ is pure: no Node modules (style.md).' },
            {
              group: ['**/pipeline/**', '**/addin/**'],
              message: 'core/ must not import pipeline/ or addin/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['readers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: nodeBuiltins,
              message: 'readers/ run in a browser too: no Node modules (bytes in, workbook out).',
            },
            {
              group: ['**/pipeline/**', '**/addin/**'],
              message: 'readers/ must not import pipeline/ or addin/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['intake/**/*.ts', 'workbook/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: nodeBuiltins,
              message: 'intake/ and workbook/ run in the offline check page too: no Node modules.',
            },
            {
              group: ['**/pipeline/**', '**/addin/**', '**/page/**'],
              message: 'intake/ and workbook/ must not import pipeline/, addin/ or page/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['page/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'the check page runs in a browser: no Node modules.' },
            {
              group: ['**/pipeline/**', '**/addin/**'],
              message: 'the check page never imports pipeline/ or addin/ code (browser, file://).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['addin/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-office-initialize': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/pipeline/**'],
              message: 'the add-in never imports pipeline code (bundle size, browser).',
            },
            { group: nodeBuiltins, message: 'the add-in runs in a browser: no Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
