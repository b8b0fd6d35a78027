import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { useLocalized } from '../../../lib/i18n';
import type { EngagementStage, MatrixRow } from '../api/get-engagement';

type Progress = NonNullable<MatrixRow['cells'][number]['progress']>;

export type MatrixTone = 'none' | 'waiting' | 'not-started' | 'low' | 'high' | 'done' | 'stalled';

/** The fill of each tone: neutral until work exists, blues deepen with progress, green when done, red when stalled. */
export const MATRIX_TONE_COLORS: Record<MatrixTone, string> = {
  none: 'transparent',
  waiting: '#f5f5f5',
  'not-started': '#e8f0fa',
  low: '#c5daf2',
  high: '#8fb8e6',
  done: '#c9e8bd',
  stalled: '#f8d4d1',
};

/**
 * The colour rule of a matrix cell. A cell with no per-community work has none; done beats
 * everything; a stage that has not opened is waiting; an open stage past its planned end is
 * stalled; otherwise the blue deepens with the share of tasks done.
 */
export function matrixCellTone(progress: Progress | null, stage: Pick<EngagementStage, 'status' | 'isStalled'> | undefined): MatrixTone {
  if (progress === null || progress.total === 0) return 'none';
  if (progress.done >= progress.total) return 'done';
  if (stage?.status === 'pending') return 'waiting';
  if (stage?.status === 'cancelled') return 'none';
  if (stage?.isStalled) return 'stalled';
  if (progress.done === 0) return 'not-started';
  return progress.percent < 50 ? 'low' : 'high';
}

export function CommunityStageMatrix({ matrix, stages }: { matrix: readonly MatrixRow[]; stages: readonly EngagementStage[] }) {
  const { t } = useTranslation();
  const { text } = useLocalized();
  const ordered = [...stages].sort((a, b) => a.order - b.order);
  // Only stages with work per community have a column: the others are engagement-wide.
  const columns = ordered.filter((stage) => matrix.some((row) => row.cells.some((cell) => cell.stageKey === stage.key && cell.progress !== null)));
  if (matrix.length === 0 || columns.length === 0) {
    return <EmptyState title={t('matrix.emptyTitle')} description={t('matrix.emptyHint')} />;
  }
  return (
    <div className="gz-matrix-wrap">
      <table className="gz-matrix" aria-label={t('matrix.title')}>
        <thead>
          <tr>
            <th scope="col">{t('matrix.community')}</th>
            {columns.map((stage) => (
              <th scope="col" key={stage.key}>
                {text(stage.title)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.map((row) => (
            <tr key={row.community.key}>
              <th scope="row">{row.community.name}</th>
              {columns.map((stage) => {
                const progress = row.cells.find((cell) => cell.stageKey === stage.key)?.progress ?? null;
                const tone = matrixCellTone(progress, stage);
                return (
                  <td
                    key={stage.key}
                    data-testid={`matrix-cell-${row.community.key}-${stage.key}`}
                    data-tone={tone}
                    className={`gz-matrix-cell gz-matrix-${tone}`}
                    style={{ background: MATRIX_TONE_COLORS[tone] }}
                  >
                    {progress === null ? (
                      <span className="gz-muted">—</span>
                    ) : (
                      <Tooltip title={`${row.community.name} · ${text(stage.title)} · ${t(`matrix.tone.${tone}`)}`}>
                        <span className="gz-num">
                          <strong>{progress.percent}%</strong>
                          <span className="gz-matrix-count">
                            {progress.done}/{progress.total}
                          </span>
                        </span>
                      </Tooltip>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="gz-legend" aria-label={t('matrix.legend')}>
        {(['waiting', 'not-started', 'low', 'high', 'done', 'stalled'] as const).map((tone) => (
          <span key={tone} className="gz-legend-item">
            <span className="gz-legend-swatch" style={{ background: MATRIX_TONE_COLORS[tone] }} />
            {t(`matrix.tone.${tone}`)}
          </span>
        ))}
      </div>
    </div>
  );
}
