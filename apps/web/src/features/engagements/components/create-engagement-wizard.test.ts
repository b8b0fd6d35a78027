import { describe, expect, it } from 'vitest';
import { normaliseNames, toCreateBody } from './create-engagement-wizard';

describe('normaliseNames', () => {
  it('splits pasted lists on commas, 、 and new lines, trims and drops repeats', () => {
    expect(normaliseNames(['和平里社区、青年湖社区', ' 安贞社区 ,和平里社区', '六铺炕社区\n小黄庄社区', ''])).toEqual(['和平里社区', '青年湖社区', '安贞社区', '六铺炕社区', '小黄庄社区']);
  });
});

describe('toCreateBody', () => {
  it('builds the createEngagement body: trimmed names, places by name, the client contact only when chosen', () => {
    const body = toCreateBody({
      name: ' 和平街道创新社区治理法律服务项目 ',
      clientName: '和平街道办事处',
      clientKind: 'street',
      templateKey: 'community-governance',
      startDate: '2025-03-03',
      communities: ['和平里社区、青年湖社区'],
      departments: [],
      pm: '00000000-0000-4000-8000-000000000001',
      partner: '00000000-0000-4000-8000-000000000002',
      lawyers: ['00000000-0000-4000-8000-000000000003'],
    });
    expect(body).toEqual({
      name: '和平街道创新社区治理法律服务项目',
      clientName: '和平街道办事处',
      clientKind: 'street',
      templateKey: 'community-governance',
      startDate: '2025-03-03',
      communities: [{ name: '和平里社区' }, { name: '青年湖社区' }],
      departments: [],
      team: { pm: '00000000-0000-4000-8000-000000000001', partner: '00000000-0000-4000-8000-000000000002', lawyers: ['00000000-0000-4000-8000-000000000003'] },
    });
  });
});
