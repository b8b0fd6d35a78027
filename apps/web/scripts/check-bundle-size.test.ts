import { describe, expect, it } from 'vitest';
import { initialChunkKeys } from './check-bundle-size';

describe('initialChunkKeys', () => {
  it('follows static imports from the entry, transitively, and leaves dynamic imports out', () => {
    const manifest = {
      'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_react.js', '_antd.js'], dynamicImports: ['src/routes/task.tsx'] },
      '_react.js': { file: 'assets/react.js' },
      '_antd.js': { file: 'assets/antd.js', imports: ['_react.js', '_motion.js'] },
      '_motion.js': { file: 'assets/motion.js' },
      'src/routes/task.tsx': { file: 'assets/task.js', imports: ['_antd.js', '_echarts.js'] },
      '_echarts.js': { file: 'assets/echarts.js' },
    };
    expect(initialChunkKeys(manifest).sort()).toEqual(['_antd.js', '_motion.js', '_react.js', 'index.html']);
  });

  it('refuses a manifest without exactly one entry', () => {
    expect(() => initialChunkKeys({ a: { file: 'a.js' } })).toThrow(/exactly one entry/);
  });
});
