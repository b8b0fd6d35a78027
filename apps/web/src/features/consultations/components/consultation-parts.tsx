import { consultationStatusLabels } from '@gongzhi/domain';
import { Flex, Tag, Tooltip } from 'antd';
import type { KeyboardEvent } from 'react';
import { Icon } from '../../../components/icons';
import { useLocalized } from '../../../lib/i18n';
import type { Consultation, ConsultationStatus } from '../api/consultations';
import { answeredCount } from '../utils/consultations';
import { useConsultationsTranslation } from '../utils/use-consultations-translation';

/** A task a consultation can come from: its id (for a link), key, how the page names it, and whether it is still open. */
export interface TaskRef {
  id: string;
  key: string;
  label: string;
  open: boolean;
}

const STATUS_COLORS: Record<ConsultationStatus, string> = { open: 'blue', concluded: 'green', withdrawn: 'default' };

/** Its status, red 已逾期 when still open past its due day, and a lock (等待会诊) when it holds its task. */
export function ConsultationTags({
  consultation,
}: {
  consultation: Pick<Consultation, 'status' | 'overdue' | 'holdsTask'>;
}) {
  const { t } = useConsultationsTranslation();
  const { text } = useLocalized();
  const open = consultation.status === 'open';
  return (
    <Flex gap={4} wrap component="span">
      <Tag
        color={STATUS_COLORS[consultation.status]}
        variant="outlined"
        data-status={consultation.status}
        data-testid="consultation-status"
      >
        {text(consultationStatusLabels[consultation.status])}
      </Tag>
      {open && consultation.overdue ? (
        <Tag color="red" data-testid="consultation-overdue">
          {t('overdue')}
        </Tag>
      ) : null}
      {open && consultation.holdsTask ? (
        <Tooltip title={t('holdsTaskHint')}>
          <Tag color="orange" data-testid="consultation-holds-task">
            <Icon name="lock" size={12} style={{ marginInlineEnd: 3, verticalAlign: -1 }} />
            {t('holdsTask')}
          </Tag>
        </Tooltip>
      ) : null}
    </Flex>
  );
}

/** How a consultation's task is named: the page's own name for it (with its community), else its title. */
export function taskLabelOf(
  consultation: Pick<Consultation, 'task'>,
  tasks: readonly TaskRef[],
  text: (value: { zh: string; en: string }) => string,
): string | null {
  if (!consultation.task) return null;
  const key = consultation.task.key;
  return tasks.find((task) => task.key === key)?.label ?? text(consultation.task.title);
}

/**
 * One consultation in a list: a block that opens its detail, stacked so it reads on a phone —
 * topic and tags, then due date, requester, answers and the task it came from.
 */
export function ConsultationRow({
  consultation,
  tasks = [],
  showTask = true,
  onOpen,
}: {
  consultation: Consultation;
  tasks?: readonly TaskRef[];
  showTask?: boolean;
  onOpen: () => void;
}) {
  const { t } = useConsultationsTranslation();
  const { text } = useLocalized();
  const { answered, total } = answeredCount(consultation);
  const taskLabel = showTask ? taskLabelOf(consultation, tasks, text) : null;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen();
    }
  };
  return (
    <div
      className="gz-consultation-row"
      role="button"
      tabIndex={0}
      onClick={onOpen}
      onKeyDown={onKeyDown}
      data-testid="consultation-row"
      data-consultation-id={consultation.id}
      data-status={consultation.status}
    >
      <Flex justify="space-between" align="start" gap={8} wrap>
        <span className="gz-consultation-topic">{consultation.topic}</span>
        <ConsultationTags consultation={consultation} />
      </Flex>
      <div className="gz-consultation-meta">
        <span className="gz-num">{t('dueOn', { date: consultation.dueOn })}</span>
        <span>{t('requestedBy', { name: consultation.requestedBy.displayName })}</span>
        <span className="gz-num" data-testid="consultation-answered">
          {t('answered', { answered, total })}
        </span>
        {taskLabel ? <span>{t('fromTask', { task: taskLabel })}</span> : null}
      </div>
    </div>
  );
}
