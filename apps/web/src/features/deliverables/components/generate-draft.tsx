import { Alert, Button, Flex, Progress } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import type { DeliverableDetail } from '../api/get-deliverable';
import { downloadGeneration, refreshWhileGenerating, useGenerateDraft } from '../api/generate-draft';

/** How often the page re-reads a draft in progress (drafts take seconds). */
const PROGRESS_POLL_MS = 1000;

/**
 * 生成文稿: Gongzhi drafts the deliverable from the engagement's plan, team and knowledge base on a
 * worker. The draft is offered like an upload — the lawyer reads it, edits and uploads it if need
 * be, and completing the task submits it for the partner's review.
 */
export function GenerateDraft({ deliverable }: { deliverable: Pick<DeliverableDetail, 'id' | 'can' | 'generations'> }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const generate = useGenerateDraft(deliverable.id);
  const latest = deliverable.generations[0];
  const running = latest?.status === 'running';

  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => void refreshWhileGenerating(queryClient, deliverable.id), PROGRESS_POLL_MS);
    return () => clearInterval(timer);
  }, [running, queryClient, deliverable.id]);

  if (!deliverable.can.generate && !latest) return null;
  return (
    <div className="gz-generate" data-testid="generate-draft" style={{ marginBottom: 12 }}>
      {deliverable.can.generate ? (
        <Flex gap={8} wrap align="center">
          <Button icon={<Icon name="file" />} loading={generate.isPending || running} onClick={() => generate.mutate()} data-testid="generate-draft-button">
            {latest ? t('generation.again') : t('generation.start')}
          </Button>
          <span className="gz-muted gz-small">{t('generation.hint')}</span>
        </Flex>
      ) : null}
      {generate.error ? (
        <div style={{ marginTop: 8 }}>
          <ErrorAlert error={generate.error} compact />
        </div>
      ) : null}
      {latest && running ? (
        <div style={{ marginTop: 8 }} data-testid="generation-progress">
          <Progress percent={latest.progress} size="small" status="active" />
          <span className="gz-muted gz-small">{latest.step ?? t('generation.queued')}</span>
        </div>
      ) : null}
      {latest?.status === 'done' && latest.upload ? (
        <Alert
          style={{ marginTop: 8 }}
          type="success"
          showIcon
          data-testid="generation-done"
          title={t('generation.done', { file: latest.upload.fileName })}
          description={t('generation.doneHint')}
          action={
            <Button size="small" onClick={() => void downloadGeneration(deliverable.id, latest)}>
              {t('deliverable.download')}
            </Button>
          }
        />
      ) : null}
      {latest?.status === 'failed' ? <Alert style={{ marginTop: 8 }} type="error" showIcon title={t('generation.failed')} description={latest.error ?? undefined} /> : null}
    </div>
  );
}
