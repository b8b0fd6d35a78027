import { Alert, Button, Card } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-state';
import { BlockSkeleton } from '../../../components/loading';
import { isApiError } from '../../../lib/errors';
import { useConsultations } from '../api/consultations';
import { holdingConsultations, sortConsultations } from '../utils/consultations';
import { useConsultationsTranslation } from '../utils/use-consultations-translation';
import { ConsultationDialogs } from './consultation-dialogs';
import { ConsultationRow, type TaskRef } from './consultation-parts';

/** The consultations opened from one task (the same request for the section and the hold notice). */
const useTaskConsultations = (engagementId: string, taskKey: string) =>
  useConsultations(engagementId, { task: taskKey });

/**
 * 会诊 on a task's page, for the firm's team: the consultations opened from it with their state,
 * and opening one on it (the task proposed to wait for the conclusion). Someone who may not see
 * consultations (403) sees nothing.
 */
export function TaskConsultations({
  engagementId,
  task,
  myId,
}: {
  engagementId: string;
  task: TaskRef;
  myId: string | undefined;
}) {
  const { t } = useConsultationsTranslation();
  const list = useTaskConsultations(engagementId, task.key);
  const [isOpening, setIsOpening] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  if (list.isError && isApiError(list.error, 'forbidden')) return null;
  const items = list.data ? sortConsultations(list.data.items) : [];
  const canOpen = Boolean(list.data?.can.open) && task.open;
  return (
    <Card
      size="small"
      title={t('task.title')}
      style={{ marginTop: 16 }}
      data-testid="task-consultations"
      extra={
        canOpen ? (
          <Button size="small" onClick={() => setIsOpening(true)} data-testid="task-consultation-open-button">
            {t('task.open')}
          </Button>
        ) : null
      }
    >
      {list.isPending ? <BlockSkeleton rows={2} /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} compact /> : null}
      {list.data && items.length === 0 ? <span className="gz-muted">{t('task.empty')}</span> : null}
      {items.map((consultation) => (
        <ConsultationRow
          key={consultation.id}
          consultation={consultation}
          showTask={false}
          onOpen={() => setOpenId(consultation.id)}
        />
      ))}
      <ConsultationDialogs
        engagementId={engagementId}
        myId={myId}
        tasks={[task]}
        task={task}
        isOpening={isOpening}
        onCloseForm={() => setIsOpening(false)}
        openId={openId}
        items={items}
        show={setOpenId}
      />
    </Card>
  );
}

/** Near the task's completion form: the open consultations it waits for, if any (the API refuses completion meanwhile). */
export function TaskConsultationHold({ engagementId, taskKey }: { engagementId: string; taskKey: string }) {
  const { t } = useConsultationsTranslation();
  const list = useTaskConsultations(engagementId, taskKey);
  const holding = holdingConsultations(list.data?.items ?? []);
  if (holding.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="task-consultation-hold-alert"
      title={t('task.hold', { topics: holding.map((item) => item.topic).join(t('task.topicSeparator')) })}
    />
  );
}
