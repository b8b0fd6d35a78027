import { Alert, App, Button, Card, Col, Descriptions, Input, Row, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import { type Crumb, PageHeader } from '../../../components/page-header';
import { DueDate, TaskStatusTag } from '../../../components/status-tags';
import { formatInstant } from '../../../lib/dates';
import { isApiError } from '../../../lib/errors';
import { useLocalized } from '../../../lib/i18n';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { useCompleteTask } from '../api/complete-task';
import type { TaskDetail } from '../api/get-task';
import { ReassignTaskModal } from './reassign-task-modal';
import { TaskForm, TaskFormValues } from './task-form';

const isWorkable = (task: TaskDetail) => task.can.complete && (task.status === 'active' || task.status === 'changes_requested');

/** What stops a submission before the server would refuse it. */
export function blockedReasonOf(task: Pick<TaskDetail, 'deliverable' | 'dependsOn'>): 'uploadFirst' | 'uploadRevision' | 'waiting' | null {
  if (task.dependsOn.some((dependency) => dependency.status !== 'done' && dependency.status !== 'cancelled')) return 'waiting';
  if (!task.deliverable || task.deliverable.uploads.length > 0) return null;
  return task.deliverable.status === 'changes_requested' ? 'uploadRevision' : 'uploadFirst';
}

/** The file a completion submits: the newest one uploaded since the last submission. */
export const fileToSubmitOf = (task: Pick<TaskDetail, 'deliverable'>): { sha256: string } | undefined => {
  const upload = task.deliverable?.uploads[0];
  return upload ? { sha256: upload.sha256 } : undefined;
};

/**
 * A task: what it asks (its template form), its deliverable (the `deliverable` slot, rendered by
 * the caller), where it sits in the engagement, and — for the PM — reassignment. For the firm's
 * team, the consultations feature adds its 会诊 section (`consultations`) and, above the form, a
 * notice when the task waits for a consultation's conclusion (`completionNotice`). `notice`: what
 * another feature says about the task at its top (the client's acceptance points to the outcomes).
 */
export function TaskView({
  task,
  deliverable,
  consultations,
  completionNotice,
  notice,
  crumbs,
}: {
  task: TaskDetail;
  deliverable?: ReactNode;
  consultations?: ReactNode;
  completionNotice?: ReactNode;
  notice?: ReactNode;
  crumbs: Crumb[];
}) {
  const { t } = useTranslation();
  const { text, locale } = useLocalized();
  const { message } = App.useApp();
  const complete = useCompleteTask(task.id);
  const [note, setNote] = useState('');
  const [standInReason, setStandInReason] = useState('');
  const [standInMissing, setStandInMissing] = useState(false);
  const [reassigning, setReassigning] = useState(false);
  // One key per submission the user means; a retry of the same click reuses it.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const workable = isWorkable(task);
  const blocked = workable ? blockedReasonOf(task) : null;
  const reviewed = task.deliverable?.requiresReview ?? false;
  const submitLabel = task.isGate ? t('task.submitGate') : reviewed ? (task.status === 'changes_requested' ? t('task.submitRevision') : t('task.submitForReview')) : t('task.complete');
  const serverFieldErrors = isApiError(complete.error, 'form_invalid') ? complete.error.fieldErrors.filter((error) => error.field !== 'standInReason') : [];
  const standInError = standInMissing || (isApiError(complete.error, 'form_invalid') && complete.error.fieldErrors.some((error) => error.field === 'standInReason'));

  return (
    <>
      <PageHeader
        crumbs={crumbs}
        title={text(task.title)}
        tags={
          <>
            <TaskStatusTag status={task.status} />
            {task.isOverdue ? <span className="gz-due gz-due-overdue">{t('task.overdue')}</span> : null}
          </>
        }
        subtitle={
          <>
            <Link to={`/engagements/${task.engagement.id}`}>{task.engagement.name}</Link> · {text(task.stage.title)}
            {task.community ? ` · ${task.community.name}` : ''}
            {task.department ? ` · ${task.department.name}` : ''}
          </>
        }
        extra={
          task.can.assign && task.status !== 'done' && task.status !== 'cancelled' ? (
            <Button icon={<Icon name="swap" />} onClick={() => setReassigning(true)} data-testid="reassign-task">
              {t('tasks.reassign')}
            </Button>
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          {notice}
          {task.description ? (
            <Card size="small" style={{ marginBottom: 16 }}>
              <Typography.Paragraph style={{ margin: 0 }}>{text(task.description)}</Typography.Paragraph>
            </Card>
          ) : null}
          {task.status === 'in_review' ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('task.inReview')} /> : null}
          {task.status === 'pending' ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('task.pending')} /> : null}
          {task.status === 'done' ? (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('task.doneBy', { name: task.completedBy?.displayName ?? '—', at: task.completedAt ? formatInstant(task.completedAt, locale) : '—' })}
              description={task.standInReason ? <span data-testid="stand-in-reason">{t('task.standInRecorded', { reason: task.standInReason })}</span> : undefined}
            />
          ) : null}
          {deliverable ? <div style={{ marginBottom: 16 }}>{deliverable}</div> : null}
          <Card size="small" title={task.isGate ? t('task.gateForm') : t('task.form')}>
            {completionNotice}
            {complete.error && serverFieldErrors.length === 0 ? (
              <div style={{ marginBottom: 16 }}>
                <ErrorAlert error={complete.error} />
              </div>
            ) : null}
            {workable ? (
              <TaskForm
                key={`${task.id}-${task.status}`}
                form={task.form}
                rules={task.rules}
                initialValues={task.formData}
                submitLabel={submitLabel}
                submitting={complete.isPending}
                serverErrors={serverFieldErrors}
                blockedReason={blocked ? t(`task.blocked.${blocked}`) : null}
                footer={
                  <>
                    {task.can.completeAsStandIn ? (
                      <div style={{ marginBottom: 16 }}>
                        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('task.standInNotice')} />
                        <label className="gz-label" htmlFor="stand-in-reason">
                          {t('task.standInReason')}
                        </label>
                        <Input.TextArea
                          id="stand-in-reason"
                          value={standInReason}
                          status={standInError ? 'error' : undefined}
                          onChange={(event) => {
                            setStandInReason(event.target.value);
                            setStandInMissing(false);
                          }}
                          maxLength={500}
                          autoSize={{ minRows: 2, maxRows: 4 }}
                          placeholder={t('task.standInReasonPlaceholder')}
                        />
                        {standInError ? <div className="gz-field-error">{t('task.standInReasonRequired')}</div> : null}
                      </div>
                    ) : null}
                    {reviewed ? (
                      <div style={{ marginBottom: 16 }}>
                        <label className="gz-label" htmlFor="reviewer-note">
                          {t('task.noteToReviewer')}
                        </label>
                        <Input.TextArea id="reviewer-note" value={note} onChange={(event) => setNote(event.target.value)} maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('task.noteToReviewerPlaceholder')} />
                      </div>
                    ) : null}
                  </>
                }
                onSubmit={(formData) => {
                  if (task.can.completeAsStandIn && !standInReason.trim()) {
                    setStandInMissing(true);
                    return;
                  }
                  complete.mutate(
                    { formData, file: fileToSubmitOf(task), note: note.trim() || undefined, standInReason: task.can.completeAsStandIn ? standInReason.trim() : undefined, idempotencyKey },
                    {
                      onSuccess: (updated) => {
                        void message.success(updated.status === 'in_review' ? t('task.submittedForReview') : t('task.completed'));
                        setNote('');
                        setStandInReason('');
                        setIdempotencyKey(newIdempotencyKey());
                      },
                    },
                  );
                }}
              />
            ) : (
              <TaskFormValues form={task.form} values={task.formData ?? {}} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('task.details')} style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'assignee', label: t('tasks.columns.assignee'), children: `${task.assignee.displayName} · ${t(`roles.${task.role}`)}` },
                { key: 'due', label: t('tasks.columns.due'), children: <DueDate date={task.dueDate} isOverdue={task.isOverdue} isDone={task.status === 'done' || task.status === 'cancelled'} /> },
                { key: 'reminder', label: t('task.reminderDate'), children: <span className="gz-num">{task.reminderDate}</span> },
                { key: 'escalation', label: t('task.escalationDate'), children: <span className="gz-num">{task.escalationDate}</span> },
                { key: 'updated', label: t('task.updatedAt'), children: <span className="gz-num">{formatInstant(task.updatedAt, locale)}</span> },
              ]}
            />
          </Card>
          <Card size="small" title={t('task.dependsOn')}>
            {task.dependsOn.length === 0 ? (
              <span className="gz-muted">{t('task.noDependencies')}</span>
            ) : (
              <ul className="gz-plain-list gz-deps">
                {task.dependsOn.map((dependency) => (
                  <li key={dependency.id}>
                    <Link to={`/tasks/${dependency.id}`}>{text(dependency.title)}</Link>
                    <TaskStatusTag status={dependency.status} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {consultations}
        </Col>
      </Row>
      <ReassignTaskModal task={reassigning ? task : null} onClose={() => setReassigning(false)} />
    </>
  );
}
