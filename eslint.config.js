// One ESLint configuration for the whole workspace: typescript-eslint with type information.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Import boundaries (docs/architecture.md, "The playground"): an app reaches a workspace package
// by its name, never by a relative path into packages/; a playground feature never imports another
// feature (what two features share moves down to components/ or lib/, or to packages/shared).
const PACKAGE_BY_NAME = {
  regex: '^(\\.\\./)+packages/',
  message: 'Import the workspace package by its name (e.g. @authlab/shared), not by a path.',
};
const FEATURES_DIR = 'apps/playground/src/features';
const FEATURES = readdirSync(new URL(`./${FEATURES_DIR}`, import.meta.url), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const importBoundaries = [
  {
    files: ['apps/**/*.{ts,tsx,js,mjs}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [PACKAGE_BY_NAME] }] },
  },
  ...FEATURES.map((feature) => ({
    files: [`${FEATURES_DIR}/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            PACKAGE_BY_NAME,
            {
              regex: `^(\\.\\./)+(features/)?(${FEATURES.filter((other) => other !== feature).join('|')})(/|$)`,
              message: `The ${feature} feature may not import another feature: move what both need to src/components, src/lib or packages/shared.`,
            },
          ],
        },
      ],
    },
  })),
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/test-results/**',
      '**/coverage/**',
      'bench/results/**',
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
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Nest's injectable classes are often empty modules or have decorator-only members.
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.spec.tsx',
      '**/*.test.ts',
      '**/*.test.tsx',
      '**/test/**/*.ts',
      '**/e2e/**/*.ts',
    ],
    rules: {
      // Tests read JSON bodies whose shape the assertions check.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // Fakes of async APIs (fetch) are async without awaiting anything.
      '@typescript-eslint/require-await': 'off',
    },
  },
  ...importBoundaries,
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
