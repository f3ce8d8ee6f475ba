// @ts-check
/**
 * Lint gate (`make lint`, part of `make check`): typescript-eslint's
 * recommended rules on the TypeScript and JavaScript sources. Formatting is
 * prettier's job (.prettierrc.json), not the linter's.
 */
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'output/', '.cache/', '.shards/', 'test/artifacts/', 'raw/', '.bundle*/', '**/*.tmp.*'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,mjs,js}'],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // a leading underscore marks a parameter or binding kept on purpose (an interface's argument not read yet)
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // `!` after an index read is how noUncheckedIndexedAccess is answered where the index is known to be in range
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // the report's client script and the worker run in a browser / a worker thread
    files: ['pipeline/report/client.js', 'pipeline/parallel/worker.mjs', 'pipeline/publish/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
