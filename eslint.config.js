// ESLint for the whole repository (`npm run lint:eslint`; `npm run lint` runs it with the formatter and layering checks).
// typescript-eslint's type-aware recommended rules, plus a few that catch real bugs rather than matters of taste: style is
// Prettier's job (.prettierrc.json), layering is dependency-cruiser's (.dependency-cruiser.cjs).
//
// Two TypeScripts are installed on purpose (package.json). TypeScript 7 (the native compiler) type-checks the project
// (`tsc`), but its npm package has no JavaScript compiler API, and typescript-eslint (and dependency-cruiser) need one.
// So, as the TypeScript 7.0 release notes advise for such tools, `typescript` is the TypeScript 6.0 API package
// (`npm:@typescript/typescript6`), which is what these tools import, and TypeScript 7 is installed under a local alias,
// `@devforge/typescript-7` (`npm:typescript@7`), whose `tsc` is the one on the PATH. Both read the same tsconfig.json.
// (Not the alias name `@typescript/native`: typescript-eslint declares that name as an optional peer for TypeScript 7.1
// builds, and a 7.0 under it makes npm report it invalid and install typescript-estree four times.)
// When typescript-eslint supports TypeScript 7's own API, drop the aliases and make `typescript` TypeScript 7 again.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Build outputs, local data and installs: nothing in them is written by hand.
  { ignores: ['node_modules/', 'var/', '.tmp/', 'app/dist/', '.ci/node/', '.gl/', '.whl/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // The project service reads tsconfig.json, so the linter sees exactly the types `tsc` does.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `x == null` (null or undefined) is the one loose comparison the code uses on purpose; every other one is a bug.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // A leading underscore marks a parameter or binding that is required by a signature but not used.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Type-only imports are erased by Node's type stripping; `import type` says so where the reader can see it
      // (tsconfig's verbatimModuleSyntax already rejects a type imported as a value; this also fixes it).
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
      // `let { head, body } = …` where only one is reassigned later is fine; flag it when none is.
      'prefer-const': ['error', { destructuring: 'all' }],
      // `ok ? a() : b();` and `ready && start();` as statements are deliberate; an expression that does nothing is a bug.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // The code marks indexed reads it has checked with `!` (`items[i]!`), as if tsconfig had noUncheckedIndexedAccess,
      // which it does not yet: without the flag every such `!` is "unnecessary" (over a thousand reports, no bugs).
      // Turn this back on together with noUncheckedIndexedAccess.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    // Tests and benchmarks are HTTP clients of our own API: response bodies are `any` on purpose (test/platform/helpers/http.ts)
    // and are checked by the assertions that read them. Typing each one would copy the API schemas into the tests.
    files: ['app/test/**', 'app/bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Assertion messages are read by developers, where `${[3, 1, 2]}` printing "3,1,2" is fine.
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
  {
    // Plain JavaScript (the `devforge` launcher, tool configs) is not in tsconfig.json, so no type information for it.
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
);
