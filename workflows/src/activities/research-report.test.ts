import { describe, expect, it } from 'vitest';
import { violationEntries } from '@gongzhi/domain';
import { closestViolation, linesOf } from './research-report';

describe('closestViolation', () => {
  it('finds the catalogue violation a written problem reads like, and none for what it does not cover', () => {
    expect(closestViolation('楼道堆物堆料、占用消防通道', violationEntries)).toMatch(/消防|楼道/);
    expect(closestViolation('私搭乱建', violationEntries)).toBe('违法建设（私搭乱建、私挖地下空间）');
    expect(closestViolation('小区公共收益未公示', violationEntries)).toBeNull();
  });
});

describe('linesOf', () => {
  it('takes list markers off a problem list, never the start of a problem', () => {
    expect(linesOf('1. 楼道堆物\n（二）二手房群租\n三是3号楼违建；- 噪声扰民')).toEqual(['楼道堆物', '二手房群租', '3号楼违建', '噪声扰民']);
  });
});
