// The workspace's rules, plus two for this package: antd 6 deprecates many props in favour of
// new ones (Alert `message` → `title`, Space `direction` → `orientation`); use the new ones. And
// hooks run in the same order on every render (no hook after an early return).
import reactHooks from 'eslint-plugin-react-hooks';
import root from '../../eslint.config.js';

export default [
  ...root,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { '@typescript-eslint/no-deprecated': 'error', 'react-hooks/rules-of-hooks': 'error' },
  },
];
