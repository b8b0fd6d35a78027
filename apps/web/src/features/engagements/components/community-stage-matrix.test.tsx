import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import type { EngagementStage, MatrixRow } from '../api/get-engagement';
import { CommunityStageMatrix, MATRIX_TONE_COLORS, matrixCellTone } from './community-stage-matrix';

const progress = (done: number, total: number) => ({ done, total, percent: total === 0 ? 0 : Math.floor((done * 100) / total) });

function stage(key: string, order: number, status: EngagementStage['status'], isStalled = false): EngagementStage {
  return {
    key,
    order,
    title: { zh: { research: '实地调研', 'self-governance': '居民自治体系', promotion: '推广与深化', proposal: '方案与合作' }[key] ?? key, en: key },
    summary: { zh: '—', en: '—' },
    status,
    isStalled,
    progress: progress(0, 1),
    plannedStart: '2025-03-01',
    plannedEnd: '2025-04-01',
    after: [],
    gate: null,
  };
}

describe('matrixCellTone', () => {
  const active = { status: 'active' as const, isStalled: false };
  it('colours by progress: none, not started, under half, over half, done', () => {
    expect(matrixCellTone(null, active)).toBe('none');
    expect(matrixCellTone(progress(0, 0), active)).toBe('none');
    expect(matrixCellTone(progress(0, 4), active)).toBe('not-started');
    expect(matrixCellTone(progress(1, 4), active)).toBe('low');
    expect(matrixCellTone(progress(2, 4), active)).toBe('high');
    expect(matrixCellTone(progress(3, 4), active)).toBe('high');
    expect(matrixCellTone(progress(4, 4), active)).toBe('done');
  });

  it('marks cells of stages not yet open as waiting, and of stalled stages as stalled, unless done', () => {
    expect(matrixCellTone(progress(0, 3), { status: 'pending', isStalled: false })).toBe('waiting');
    expect(matrixCellTone(progress(1, 3), { status: 'active', isStalled: true })).toBe('stalled');
    expect(matrixCellTone(progress(3, 3), { status: 'active', isStalled: true })).toBe('done');
  });
});

describe('CommunityStageMatrix', () => {
  const stages = [stage('proposal', 0, 'done'), stage('research', 1, 'active', true), stage('self-governance', 2, 'active'), stage('promotion', 3, 'pending')];
  const matrix: MatrixRow[] = [
    {
      community: { key: 'c1', name: '和平里社区' },
      cells: [
        { stageKey: 'proposal', progress: null },
        { stageKey: 'research', progress: progress(3, 3) },
        { stageKey: 'self-governance', progress: progress(1, 5) },
        { stageKey: 'promotion', progress: progress(0, 2) },
      ],
    },
    {
      community: { key: 'c2', name: '青年湖社区' },
      cells: [
        { stageKey: 'proposal', progress: null },
        { stageKey: 'research', progress: progress(1, 3) },
        { stageKey: 'self-governance', progress: progress(4, 5) },
        { stageKey: 'promotion', progress: progress(0, 2) },
      ],
    },
  ];

  const cell = (community: string, stageKey: string) => screen.getByTestId(`matrix-cell-${community}-${stageKey}`);

  it('has a row per community and a column per stage with community work', () => {
    renderWithProviders(<CommunityStageMatrix matrix={matrix} stages={stages} />);
    expect(screen.getAllByRole('rowheader').map((th) => th.textContent)).toEqual(['和平里社区', '青年湖社区']);
    const headers = screen.getAllByRole('columnheader').map((th) => th.textContent);
    expect(headers).toEqual(['社区', '实地调研', '居民自治体系', '推广与深化']);
  });

  it('colours every cell by its progress and its stage', () => {
    renderWithProviders(<CommunityStageMatrix matrix={matrix} stages={stages} />);
    const expected: [string, string, string][] = [
      ['c1', 'research', 'done'],
      ['c1', 'self-governance', 'low'],
      ['c1', 'promotion', 'waiting'],
      ['c2', 'research', 'stalled'],
      ['c2', 'self-governance', 'high'],
      ['c2', 'promotion', 'waiting'],
    ];
    for (const [community, stageKey, tone] of expected) {
      const element = cell(community, stageKey);
      expect(element.dataset.tone, `${community} × ${stageKey}`).toBe(tone);
      expect(element.style.background).not.toBe('');
    }
    // Distinct tones must look distinct.
    expect(cell('c1', 'research').style.background).not.toBe(cell('c2', 'research').style.background);
    expect(new Set(Object.values(MATRIX_TONE_COLORS)).size).toBe(Object.keys(MATRIX_TONE_COLORS).length);
  });

  it('shows each cell’s percentage and counts', () => {
    renderWithProviders(<CommunityStageMatrix matrix={matrix} stages={stages} />);
    expect(cell('c2', 'self-governance').textContent).toBe('80%4/5');
  });

  it('explains an empty matrix instead of drawing an empty table', () => {
    renderWithProviders(<CommunityStageMatrix matrix={[]} stages={stages} />);
    expect(screen.getByText('暂无按社区开展的工作')).toBeTruthy();
  });
});
