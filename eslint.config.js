import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'coverage/',
      'node_modules/',
      'bin/',
      'examples/',
      'schema/',
      'scratch/',
      '*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, varsIgnorePattern: '^_', argsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: false }],
      complexity: ['error', 15],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports only.' },
        { selector: 'TSEnumDeclaration', message: 'Use an as-const array and a union type.' },
      ],
    },
  },
  {
    // The domain core is pure: no I/O, no clock, no randomness (docs/architecture.md).
    files: ['src/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'http', 'https', 'net', 'child_process'],
              message: 'core/ does no I/O.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Take time as an argument.' },
        { object: 'Math', property: 'random', message: 'Take randomness as an argument.' },
        {
          object: 'process',
          property: 'env',
          message: 'Configuration is read by cli/ and server/.',
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'core/ is independent of the process.' },
      ],
    },
  },
  {
    // The web app: React's rules of hooks, and the browser's globals instead of Node's.
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Tool configuration files must default-export by the tools' own convention.
    files: [
      'eslint.config.js',
      'vitest.config.ts',
      'web/vite.config.ts',
      'test/summary-reporter.ts',
    ],
    ...tseslint.configs.disableTypeChecked,
    rules: { ...tseslint.configs.disableTypeChecked.rules, 'no-restricted-syntax': 'off' },
  },
)
