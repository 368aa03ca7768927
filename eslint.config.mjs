// Lint: typescript-eslint (type-checked), Office add-in batching rules in addin/,
// and the layering of style.md: the ROOMS table below, enforced by a small local rule.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import { existsSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The rooms of the house and what each may import (README "Layout" shows the same map). A file's
 * room is the longest key its path starts with; a room always imports itself. `node: false`: the
 * room runs in a browser or the add-in too (or is the pure core), so no Node built-ins. Paths not
 * in the table (test/, bench/, scripts/) may import anything; nothing in the table imports them.
 * The table must stay without cycles: loading this file fails when it has one.
 */
const ROOMS = {
  core: { imports: [], node: false, why: 'the rule core is pure (style.md)' },
  readers: { imports: ['core'], node: false, why: 'bytes in, workbook out, in a browser too' },
  workbook: { imports: ['core'], node: false, why: 'the check page writes workbooks too' },
  intake: { imports: ['core', 'readers', 'workbook'], node: false, why: 'the check page runs it' },
  page: { imports: ['core', 'intake', 'workbook'], node: false, why: 'a browser page on file://' },
  addin: { imports: ['core', 'readers'], node: false, why: 'the add-in bundle stays small' },
  'pipeline/presentation': { imports: ['core'] },
  'pipeline/fonts': { imports: ['core'] },
  'pipeline/cli/interrupt.ts': { imports: [] },
  'pipeline/aggregate': { imports: ['core', 'readers', 'intake'] },
  'pipeline/io': { imports: ['core', 'readers', 'intake', 'pipeline/aggregate'] },
  'pipeline/intake': { imports: ['core', 'readers', 'intake', 'workbook', 'pipeline/io'] },
  'pipeline/write': {
    imports: [
      'core',
      'intake',
      'workbook',
      'pipeline/aggregate',
      'pipeline/presentation',
      'pipeline/cli/interrupt.ts',
    ],
  },
  'pipeline/charts': {
    imports: [
      'core',
      'pipeline/aggregate',
      'pipeline/fonts',
      'pipeline/presentation',
      'pipeline/cli/interrupt.ts',
    ],
  },
  'pipeline/report': {
    imports: [
      'core',
      'pipeline/aggregate',
      'pipeline/charts',
      'pipeline/fonts',
      'pipeline/presentation',
      'pipeline/write',
    ],
  },
  'pipeline/cli': { imports: ['core', 'package.json'] },
  'pipeline/commands': {
    imports: [
      'core',
      'intake',
      'workbook',
      'pipeline/aggregate',
      'pipeline/charts',
      'pipeline/cli',
      'pipeline/cli/interrupt.ts',
      'pipeline/intake',
      'pipeline/io',
      'pipeline/presentation',
      'pipeline/report',
      'pipeline/write',
    ],
  },
  'pipeline/cli/cli.ts': {
    imports: ['core', 'pipeline/cli', 'pipeline/cli/interrupt.ts', 'pipeline/commands'],
  },
};

/** The rooms in an order where each comes after all it imports; throws on a cycle or an unknown room. */
function layerOrder(rooms) {
  const order = [];
  const state = new Map();
  const visit = (room, path) => {
    if (state.get(room) === 'done') return;
    if (state.get(room) === 'open')
      throw new Error(`eslint.config.mjs: ROOMS has a cycle: ${[...path, room].join(' → ')}`);
    state.set(room, 'open');
    for (const next of rooms[room]?.imports ?? []) {
      if (!(next in rooms) && !existsSync(join(import.meta.dirname, next)))
        throw new Error(`eslint.config.mjs: ROOMS["${room}"] names "${next}", which is no room`);
      visit(next, [...path, room]);
    }
    state.set(room, 'done');
    order.push(room);
  };
  for (const room of Object.keys(rooms)) visit(room, []);
  return order;
}
layerOrder(ROOMS);

/** The room of a repository path (forward slashes), or null when the table does not list it. */
function roomOf(path) {
  let best = null;
  for (const key of Object.keys(ROOMS))
    if ((path === key || path.startsWith(`${key}/`)) && (best === null || key.length > best.length))
      best = key;
  return best;
}

/** The repository path of a relative import as a file: `x` → `x.ts` or `x/index.ts` when that exists. */
function importedPath(fromFile, specifier) {
  const absolute = resolve(dirname(fromFile), specifier);
  const file = [absolute, `${absolute}.ts`, join(absolute, 'index.ts')].find(
    (p) => existsSync(p) && statSync(p).isFile(),
  );
  return relative(import.meta.dirname, file ?? absolute)
    .split(sep)
    .join('/');
}

const nodeBuiltins = new Set(builtinModules);

/** `rooms/allowed-imports`: every import of a room's file is of its own room or one ROOMS lets it import. */
const roomsPlugin = {
  rules: {
    'allowed-imports': {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const path = relative(import.meta.dirname, context.filename)
          .split(sep)
          .join('/');
        const room = roomOf(path);
        if (room === null) return {};
        const { imports, node = true, why = '' } = ROOMS[room];
        const check = (node_) => {
          const specifier = node_.source?.value;
          if (typeof specifier !== 'string') return;
          if (specifier.startsWith('node:') || nodeBuiltins.has(specifier.split('/')[0])) {
            if (!node)
              context.report({
                node: node_.source,
                message: `${room}/ uses no Node modules (${why}): "${specifier}"`,
              });
            return;
          }
          if (!specifier.startsWith('.')) return;
          const target = importedPath(context.filename, specifier);
          const to = roomOf(target) ?? target;
          if (to === room || imports.includes(to)) return;
          context.report({
            node: node_.source,
            message: `${room} may import only ${[room, ...imports].join(', ')} (eslint.config.mjs ROOMS), not ${to}: "${specifier}"`,
          });
        };
        return {
          ImportDeclaration: check,
          ImportExpression: check,
          ExportAllDeclaration: check,
          ExportNamedDeclaration: check,
        };
      },
    },
  },
};

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
      '**/*.cjs',
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
    files: ['addin/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-office-initialize': 'error',
    },
  },
  {
    files: ['**/*.ts'],
    plugins: { rooms: roomsPlugin },
    rules: { 'rooms/allowed-imports': 'error' },
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
