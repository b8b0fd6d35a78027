// The workspace's rules, plus one for this package: antd 6 deprecates many props in favour of
// new ones (Alert `message` → `title`, Space `direction` → `orientation`); use the new ones.
import root from '../../eslint.config.js';

export default [
  ...root,
  {
    files: ['**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-deprecated': 'error' },
  },
];
