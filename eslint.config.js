// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

/**
 * One rule block per package: it may not import the packages listed, by name or by a relative
 * path that climbs out of its own folder (`../../kit/src/...`).
 */
function boundaries(forbidden) {
  return Object.entries(forbidden).map(([files, packages]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: packages,
              message: 'This package may not depend on that one (eslint.config.js, boundaries).',
            },
            {
              group: [
                '**/schema/src/**',
                '**/subgraphs/*/src/**',
                '**/kit/src/**',
                '**/gateway/src/**',
                '**/demo/src/**',
              ],
              message:
                'Import another package by its name, not by a relative path into its sources.',
            },
            {
              group: ['csv-stringify', 'csv-stringify/*'],
              message: "Write CSV with the kit's csvStringifier, which neutralises formula cells.",
            },
          ],
        },
      ],
    },
  }));
}

module.exports = tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'data/**',
      '**/generated/**',
      'coverage/**',
      'web/dist/**',
      'test/artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  // Boundaries between packages: the contract and the kit know no subgraph, subgraphs know no
  // hub and no other subgraph, only the node process assembles subgraphs.
  ...boundaries({
    'schema/**/*.ts': ['@communes/*'],
    'subgraphs/kit/**/*.ts': [
      '@communes/kit',
      '@communes/directory',
      '@communes/deliberations',
      '@communes/components',
      '@communes/node',
      '@communes/hub',
      '@communes/demo',
    ],
    'subgraphs/directory/**/*.ts': [
      '@communes/deliberations',
      '@communes/components',
      '@communes/node',
      '@communes/hub',
      '@communes/demo',
    ],
    'subgraphs/deliberations/**/*.ts': [
      '@communes/directory',
      '@communes/components',
      '@communes/node',
      '@communes/hub',
      '@communes/demo',
    ],
    'subgraphs/components/**/*.ts': [
      '@communes/directory',
      '@communes/deliberations',
      '@communes/node',
      '@communes/hub',
      '@communes/demo',
    ],
    'subgraphs/node/**/*.ts': ['@communes/hub', '@communes/demo'],
    'gateway/**/*.ts': [
      '@communes/directory',
      '@communes/deliberations',
      '@communes/components',
      '@communes/node',
      '@communes/demo',
    ],
  }),
  {
    // Error codes come typed from the one registry (subgraphs/kit/src/error-codes.ts); a code
    // written as a string into an error's extensions would escape that check.
    files: ['gateway/**/*.ts', 'subgraphs/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "Property[key.name='extensions'] > ObjectExpression > Property[key.name='code'][value.type='Literal']",
          message:
            'Raise errors with a registered ErrorCode: formattedError, networkError or a DomainError.',
        },
      ],
    },
  },
  {
    // Tests read untyped JSON answers; typing each one would say nothing the assertions do not.
    files: ['test/**/*.ts', '**/*.test.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
