import { CONSULTATION_STATUSES, consultationStatusLabels } from '@gongzhi/domain';
import { Button, Card, Empty, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import { BlockSkeleton } from '../../../components/loading';
import { useLocalized } from '../../../lib/i18n';
import { type ConsultationStatus, useConsultations } from '../api/consultations';
import { sortConsultations } from '../utils/consultations';
import { useConsultationsTranslation } from '../utils/use-consultations-translation';
import { ConsultationDialogs } from './consultation-dialogs';
import { ConsultationRow, type TaskRef } from './consultation-parts';
import { ConsultationSearch } from './consultation-search';

/** The search parameter naming the consultation open in the drawer (a link to it, a reload, keep it open). */
const OPEN_PARAM = 'consultation';

/**
 * 会诊, the firm team's tab: the engagement's consultations (open first), to read and act on in a
 * drawer; opening one (with the task it comes from, which may wait for it); and the firm's
 * concluded consultations, searched across engagements. `myId`: the signed-in user, never asked
 * by their own consultation. `tasks`: the engagement's tasks, to tie one to a consultation.
 */
export function EngagementConsultations({
  engagementId,
  myId,
  tasks,
}: {
  engagementId: string;
  myId: string | undefined;
  tasks: readonly TaskRef[];
}) {
  const { t } = useConsultationsTranslation();
  const { text } = useLocalized();
  const [status, setStatus] = useState<ConsultationStatus | undefined>(undefined);
  const [isOpening, setIsOpening] = useState(false);
  const [params, setParams] = useSearchParams();
  const openId = params.get(OPEN_PARAM);
  const list = useConsultations(engagementId, status ? { status } : {});
  const show = (id: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (id) next.set(OPEN_PARAM, id);
        else next.delete(OPEN_PARAM);
        return next;
      },
      { replace: true },
    );

  if (list.isPending) return <BlockSkeleton rows={6} />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const items = sortConsultations(list.data.items);

  return (
    <div className="gz-stack" data-testid="consultations">
      <Flex justify="space-between" align="start" gap={12} wrap>
        <Typography.Text type="secondary" style={{ flex: '1 1 320px' }}>
          {t('intro')}
        </Typography.Text>
        {list.data.can.open ? (
          <Button
            type="primary"
            icon={<Icon name="plus" />}
            onClick={() => setIsOpening(true)}
            data-testid="consultation-open-button"
          >
            {t('open')}
          </Button>
        ) : null}
      </Flex>
      <Card
        size="small"
        title={
          <span data-testid="consultation-status-filter">
            <Select
              size="small"
              style={{ minWidth: 140 }}
              value={status ?? ''}
              onChange={(value: ConsultationStatus | '') => setStatus(value || undefined)}
              options={[
                { value: '', label: t('allStatuses') },
                ...CONSULTATION_STATUSES.map((value) => ({ value, label: text(consultationStatusLabels[value]) })),
              ]}
              aria-label={t('filterStatus')}
            />
          </span>
        }
      >
        {items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={status ? t('emptyFiltered') : t('empty')}>
            {status ? null : <Typography.Text type="secondary">{t('emptyHint')}</Typography.Text>}
          </Empty>
        ) : (
          <div data-testid="consultation-list">
            {items.map((consultation) => (
              <ConsultationRow
                key={consultation.id}
                consultation={consultation}
                tasks={tasks}
                onOpen={() => show(consultation.id)}
              />
            ))}
          </div>
        )}
      </Card>
      <ConsultationSearch />
      <ConsultationDialogs
        engagementId={engagementId}
        myId={myId}
        tasks={tasks}
        isOpening={isOpening}
        onCloseForm={() => setIsOpening(false)}
        openId={openId}
        items={items}
        show={show}
      />
    </div>
  );
}
