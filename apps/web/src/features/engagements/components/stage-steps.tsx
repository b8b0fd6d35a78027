import { Progress, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { StageStatusTag } from '../../../components/status-tags';
import { useLocalized } from '../../../lib/i18n';
import type { EngagementSummary } from '../api/get-engagements';
import type { EngagementStage } from '../api/get-engagement';

type StageStep = EngagementSummary['stages'][number];

/** How a stage reads at a glance; stalled (active past its planned end) outranks its status. */
export function stageTone(stage: Pick<StageStep, 'status' | 'isStalled'>): 'done' | 'active' | 'stalled' | 'pending' | 'cancelled' {
  if (stage.isStalled) return 'stalled';
  return stage.status;
}

/** The portfolio's compact stage strip: one segment per stage, filled by its progress. */
export function StageStepsMini({ stages }: { stages: readonly StageStep[] }) {
  const { t } = useTranslation();
  const { text } = useLocalized();
  return (
    <div className="gz-stage-strip" role="list" aria-label={t('engagement.stages')}>
      {stages.map((stage, index) => {
        const tone = stageTone(stage);
        return (
          <Tooltip
            key={stage.key}
            title={
              <div>
                <div>
                  {index + 1}. {text(stage.title)} · {t(tone === 'stalled' ? 'status.stage.stalled' : `status.stage.${stage.status}`)}
                </div>
                <div>{t('engagement.stageProgress', { done: stage.progress.done, total: stage.progress.total, percent: stage.progress.percent })}</div>
                <div>{t('engagement.plannedWindow', { start: stage.plannedStart, end: stage.plannedEnd })}</div>
              </div>
            }
          >
            <span role="listitem" className={`gz-stage-seg gz-tone-${tone}`} data-tone={tone} aria-label={`${text(stage.title)} ${stage.progress.percent}%`}>
              <span className="gz-stage-seg-fill" style={{ width: `${tone === 'done' ? 100 : stage.progress.percent}%` }} />
            </span>
          </Tooltip>
        );
      })}
    </div>
  );
}

/** The engagement page's pipeline: every stage in order with status, progress, plan and gate. */
export function StagePipeline({ stages }: { stages: readonly EngagementStage[] }) {
  const { t } = useTranslation();
  const { text } = useLocalized();
  const ordered = [...stages].sort((a, b) => a.order - b.order);
  const titleOf = (key: string) => {
    const stage = stages.find((candidate) => candidate.key === key);
    return stage ? text(stage.title) : key;
  };
  return (
    <ol className="gz-pipeline" aria-label={t('engagement.pipeline')}>
      {ordered.map((stage, index) => {
        const tone = stageTone(stage);
        return (
          <li key={stage.key} className={`gz-pipeline-stage gz-tone-${tone}`} data-tone={tone} data-stage={stage.key}>
            <div className="gz-pipeline-head">
              <span className="gz-pipeline-index">{index + 1}</span>
              <span className="gz-pipeline-title" title={text(stage.summary)}>
                {text(stage.title)}
              </span>
            </div>
            <div className="gz-pipeline-status">
              <StageStatusTag status={stage.status} isStalled={stage.isStalled} />
              <span className="gz-num gz-muted">
                {stage.progress.done}/{stage.progress.total}
              </span>
            </div>
            <Progress
              percent={stage.progress.percent}
              size="small"
              showInfo={false}
              status={tone === 'stalled' ? 'exception' : tone === 'done' ? 'success' : 'normal'}
              aria-label={t('engagement.stagePercent', { percent: stage.progress.percent })}
            />
            <div className="gz-pipeline-dates gz-num">
              {stage.plannedStart} → {stage.plannedEnd}
            </div>
            {stage.after.length > 0 ? <div className="gz-pipeline-after">{t('engagement.after', { stages: stage.after.map(titleOf).join(t('common.listSeparator')) })}</div> : null}
            {stage.gate ? (
              <div className="gz-pipeline-gate">
                {t('engagement.gateLabel', { title: text(stage.gate.title) })}
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
