import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import type { DeliverableDetail } from '../api/get-deliverable';
import { GenerateDraft } from './generate-draft';

type Generation = DeliverableDetail['generations'][number];
const lawyer = { id: '0190a0b0-0000-7000-8000-000000000003', displayName: '张明' };
const generation = (overrides: Partial<Generation>): Generation => ({
  id: '0190a0b0-0000-7000-8000-0000000000a1',
  deliverableId: '0190a0b0-0000-7000-8000-0000000000d1',
  kind: 'powers-manual',
  format: 'docx',
  status: 'running',
  progress: 40,
  step: '排版行权手册（22 项职权）',
  error: null,
  upload: null,
  requestedBy: lawyer,
  createdAt: '2026-11-27T06:00:00.000Z',
  finishedAt: null,
  ...overrides,
});
const deliverable = (generations: Generation[], generate = true) => ({ id: '0190a0b0-0000-7000-8000-0000000000d1', can: { upload: true, review: false, generate }, generations });

describe('GenerateDraft', () => {
  it('offers to draft a deliverable Gongzhi can draft', () => {
    renderWithProviders(<GenerateDraft deliverable={deliverable([])} />);
    expect(screen.getByTestId('generate-draft-button').textContent).toContain('生成文稿');
  });

  it('shows what a running draft is doing', () => {
    renderWithProviders(<GenerateDraft deliverable={deliverable([generation({})])} />);
    expect(screen.getByTestId('generation-progress').textContent).toContain('排版行权手册（22 项职权）');
  });

  it('names the finished draft, which is the file the task submits', () => {
    const upload = { sha256: 'a'.repeat(64), fileName: '行权手册（生成稿 2026-11-27）.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', sizeBytes: 21_000, uploadedBy: lawyer, uploadedAt: '2026-11-27T06:00:02.000Z' };
    renderWithProviders(<GenerateDraft deliverable={deliverable([generation({ status: 'done', progress: 100, step: '已完成', upload, finishedAt: '2026-11-27T06:00:02.000Z' })])} />);
    expect(screen.getByTestId('generation-done').textContent).toContain('行权手册（生成稿 2026-11-27）.docx');
    expect(screen.getByTestId('generate-draft-button').textContent).toContain('重新生成');
  });

  it('shows nothing to someone who may not draft when nothing was drafted', () => {
    const { container } = renderWithProviders(<GenerateDraft deliverable={deliverable([], false)} />);
    expect(container.querySelector('[data-testid="generate-draft"]')).toBeNull();
  });
});
