import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Folders depend one way: each layer imports only the layers listed for it (and itself).
 *   model -> render, transport -> providers -> notify -> front ends (action, cli, watch)
 * The context builders (src/context: GitHub and other CI systems) sit beside each other on the model.
 * src/index.ts (the action's entry) and src/library.ts (the package's entry) sit above all of them.
 * test/unit/layers.test.ts lints imports that go the wrong way to prove the rule fires.
 */
const LAYERS = {
  model: [],
  render: ['model'],
  transport: ['model'],
  providers: ['model', 'render', 'transport'],
  notify: ['model', 'render', 'transport', 'providers'],
  context: ['model'],
  action: ['model', 'render', 'transport', 'providers', 'notify', 'context'],
  cli: ['model', 'render', 'transport', 'providers', 'notify', 'context', 'watch'],
  // The organisation front end (watch, digest) beside the action and the CLI; the CLI loads it on demand.
  watch: ['model', 'render', 'transport', 'providers', 'notify', 'context'],
};
const FOLDERS = Object.keys(LAYERS);

function layerRules() {
  return Object.entries(LAYERS).map(([layer, below]) => {
    const forbidden = FOLDERS.filter((folder) => folder !== layer && !below.includes(folder));
    const allowed = below.length ? below.map((folder) => `src/${folder}`).join(', ') : 'nothing but itself';
    return {
      files: [`src/${layer}/**/*.ts`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                // A relative import that climbs out of this folder into a higher (or sideways) layer.
                regex: `^(\\.\\./)+(${forbidden.join('|')})/`,
                message: `src/${layer} may import ${allowed}: the layers go one way (eslint.config.js).`,
              },
              // The core knows nothing of GitHub: @actions/* only in src/action.
              ...(layer === 'action' ? [] : [{ group: ['@actions/*'], message: '@actions/* belongs to src/action.' }]),
            ],
          },
        ],
      },
    };
  });
}

export default tseslint.config(
  { ignores: ['dist/**', 'lib/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  ...layerRules(),
  {
    // The action's entry never loads the other front ends (the CLI, watch and digest): they are not in dist/.
    files: ['src/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\./(cli|watch)/', message: 'The action entry must not load src/cli or src/watch.' }] },
      ],
    },
  },
  {
    // The one bridge from src/watch to the run-history decision that lives with the action (src/action/history.ts).
    files: ['src/watch/history-adapter.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(cli|watch)/|^\\.\\./action/(?!history\\.js$)',
              message: 'src/watch/history-adapter.ts may import src/action/history.js only (eslint.config.js).',
            },
            { group: ['@actions/*'], message: '@actions/* belongs to src/action.' },
          ],
        },
      ],
    },
  },
);
