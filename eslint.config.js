import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
    // The web app talks to the server only over HTTP.
    files: ['web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**'], message: 'the web app uses the API, not server code' }] }],
    },
  },
);
