import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist', 'public/data', 'test-results', 'node_modules', 'coverage', '.tmp'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // One door for untrusted HTML: every way to turn a string into markup, outside SafeHtml.
      'no-restricted-syntax': [
        'error',
        ...[
          "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          "Property[key.name='dangerouslySetInnerHTML']",
          "Property[key.value='dangerouslySetInnerHTML']",
          'AssignmentExpression > MemberExpression.left[property.name=/^(?:inner|outer)HTML$/]',
          'AssignmentExpression > MemberExpression.left[property.value=/^(?:inner|outer)HTML$/]',
          'MemberExpression[property.name=/^(?:insertAdjacentHTML|createContextualFragment|setHTMLUnsafe)$/]',
          "MemberExpression[object.name='document'][property.name=/^(?:write|writeln)$/]",
          "MemberExpression[object.property.name='document'][property.name=/^(?:write|writeln)$/]",
        ].map((selector) => ({ selector, message: 'HTML enters the page only through <SafeHtml> (src/components/safe-html.tsx).' })),
      ],
    },
  },
  {
    files: ['src/components/safe-html.tsx'],
    rules: { 'no-restricted-syntax': 'off' },
  },
)
