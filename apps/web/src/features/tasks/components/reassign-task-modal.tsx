import { App, Modal, Radio, Space } from 'antd';
import { eligibleAssignees } from '@gongzhi/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-state';
import { BlockSkeleton } from '../../../components/loading';
import { useLocalized } from '../../../lib/i18n';
import { useAssignTask } from '../api/assign-task';
import { useEngagementTeam } from '../api/get-task';
import type { TaskSummary } from '../api/get-tasks';

type Team = NonNullable<ReturnType<typeof useEngagementTeam>['data']>;
type Person = Team['pm'];

/** Who may take over a task: the domain's rule, the one the workflow enforces. */
export function reassignCandidates(team: Team, role: TaskSummary['role']): Person[] {
  const people = new Map([team.pm, team.partner, ...team.lawyers, ...(team.client ? [team.client] : [])].map((person) => [person.id, person]));
  const ids = eligibleAssignees(role, { pm: team.pm.id, partner: team.partner.id, lawyers: team.lawyers.map((lawyer) => lawyer.id), client: team.client?.id ?? null });
  return ids.flatMap((id) => {
    const person = people.get(id);
    return person ? [person] : [];
  });
}

export function ReassignTaskModal({ task, onClose }: { task: Pick<TaskSummary, 'id' | 'title' | 'role' | 'assignee' | 'engagement'> | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { text } = useLocalized();
  const { message } = App.useApp();
  const team = useEngagementTeam(task?.engagement.id, task !== null);
  const assign = useAssignTask();
  const [choice, setChoice] = useState<string | null>(null);
  const candidates = team.data && task ? reassignCandidates(team.data, task.role).filter((person) => person.id !== task.assignee.id) : [];

  const close = () => {
    setChoice(null);
    assign.reset();
    onClose();
  };

  return (
    <Modal
      open={task !== null}
      title={task ? t('reassign.title', { task: text(task.title) }) : ''}
      okText={t('reassign.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !choice, loading: assign.isPending }}
      onCancel={close}
      onOk={() => {
        if (!task || !choice) return;
        assign.mutate(
          { taskId: task.id, assigneeId: choice },
          {
            onSuccess: (updated) => {
              void message.success(t('reassign.done', { name: updated.assignee.displayName }));
              close();
            },
          },
        );
      }}
    >
      {task ? (
        <p>
          {t('reassign.current', { name: task.assignee.displayName, role: t(`roles.${task.role}`) })}
        </p>
      ) : null}
      {team.isPending ? (
        <BlockSkeleton rows={2} />
      ) : team.isError ? (
        <ErrorAlert error={team.error} onRetry={() => void team.refetch()} />
      ) : candidates.length === 0 ? (
        <EmptyState title={t('reassign.noCandidates')} description={t('reassign.noCandidatesHint')} />
      ) : (
        <Radio.Group value={choice} onChange={(event) => setChoice(event.target.value as string)}>
          <Space orientation="vertical">
            {candidates.map((person) => (
              <Radio key={person.id} value={person.id}>
                {person.displayName}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      )}
      {assign.error ? (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={assign.error} compact />
        </div>
      ) : null}
    </Modal>
  );
}
