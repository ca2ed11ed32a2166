import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Server modules the web app imports too (under server/, without their extension): pure rules both sides must apply alike. */
const SHARED_WITH_WEB = [
  'src/channels/connectors/reply-length',
  'src/nlp/sentiment/sentiment-label',
  'src/nlp/intent/intent-labels',
  'src/listening/analytics/longest-range',
  'src/listening/query/query.lexer',
];

export default tseslint.config(
  { ignores: ['dist/**', 'web/dist/**', 'node_modules/**', 'data/**', '.tmp/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Dependencies point one way: the platform knows no business domain.
    files: ['server/src/platform/**/*.ts'],
    ignores: ['server/src/platform/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/crm/**',
                '**/channels/**',
                '**/ingest/**',
                '**/inbox/**',
                '**/listening/**',
                '**/nlp/**',
                '**/identity/**',
                '**/demo/**',
                '**/modules.js',
              ],
              message: 'platform/ must not import a domain',
            },
          ],
        },
      ],
    },
  },
  {
    // The web app talks to the server only over HTTP, but for the rules it must apply exactly as the
    // server does: those modules import nothing, and are bundled into the browser as they are.
    files: ['web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `(^|/)server/(?!(${SHARED_WITH_WEB.join('|')})$)`,
              message: 'the web app uses the API, not server code',
            },
          ],
        },
      ],
    },
  },
  {
    files: SHARED_WITH_WEB.map((file) => `server/${file}.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['*'], message: 'the web app bundles this module: it may import nothing' }] },
      ],
    },
  },
);
