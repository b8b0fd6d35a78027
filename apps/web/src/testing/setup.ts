import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
// The app's i18n (Chinese, the default) so components render their real strings.
import '../lib/i18n';

afterEach(() => {
  cleanup();
});
