import { App, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Modal, Radio, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import { BlockSkeleton } from '../../../components/loading';
import { StaleSaveAlert } from '../../../components/stale-save-alert';
import { todayCivil } from '../../../lib/dates';
import { isApiError } from '../../../lib/errors';
import { useEngagementKnowledge } from '../../knowledge/api/engagement-knowledge';
import { type ResearchSession, type ResearchSessionBody, useResearchSessions, useSaveResearchSession } from '../api/research-sessions';
import { type ResearchT, useResearchTranslation } from '../utils/use-research-translation';
import { newIdempotencyKey } from '../../../lib/idempotency';

export interface Place {
  key: string;
  name: string;
}

/** The violations of the engagement's knowledge copy, as options for tagging a problem (待核实 ones say so). */
export function useViolationOptions(engagementId: string, t: ResearchT) {
  const knowledge = useEngagementKnowledge(engagementId);
  return (knowledge.data?.items ?? [])
    .filter((row) => row.kind === 'violation')
    .sort((a, b) => a.position - b.position)
    .map((row) => ({ value: row.key, label: row.unverified ? t('problems.withUnverified', { title: row.title }) : row.title }));
}

const STREETWIDE = '';
/** The record's own fields the dialog has an input for (problem fields are mapped by row). */
const FIELDS_WITH_INPUTS = ['kind', 'community', 'heldOn', 'place', 'participants', 'headcount', 'notes'];

interface FormValues {
  kind: ResearchSessionBody['kind'];
  community: string;
  heldOn: string;
  place: string;
  participants: string;
  headcount: number | null;
  notes: string;
  problems: { id?: string; description: string; violation?: string | null; outsideCatalogue?: boolean }[];
}

const valuesOf = (session: ResearchSession | null): FormValues =>
  session
    ? {
        kind: session.kind,
        community: session.community?.key ?? STREETWIDE,
        heldOn: session.heldOn,
        place: session.place,
        participants: session.participants,
        headcount: session.headcount,
        notes: session.notes,
        problems: session.problems.map((problem) => ({ id: problem.id, description: problem.description, violation: problem.violation?.key ?? null, outsideCatalogue: problem.outsideCatalogue })),
      }
    : { kind: 'symposium', community: STREETWIDE, heldOn: todayCivil(), place: '', participants: '', headcount: null, notes: '', problems: [{ description: '' }] };

/**
 * 座谈会与访谈: each record with its problems and their tags; the PM and lawyers record and revise
 * them in a dialog. A revision is saved on the version the dialog opened with.
 */
export function ResearchSessions({ engagementId, communities }: { engagementId: string; communities: Place[] }) {
  const { t } = useResearchTranslation();
  const query = useResearchSessions(engagementId);
  const [editing, setEditing] = useState<ResearchSession | 'new' | null>(null);

  if (query.isPending) return <BlockSkeleton rows={4} />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const { items, can } = query.data;
  const recordButton = can.record ? (
    <Button icon={<Icon name="plus" />} onClick={() => setEditing('new')} data-testid="record-session">
      {t('sessions.record')}
    </Button>
  ) : null;

  return (
    <Card size="small" title={t('sessions.title')} extra={items.length > 0 ? recordButton : null} data-testid="research-sessions">
      <p className="gz-kb-hint" style={{ marginTop: 0 }}>
        {t('sessions.intro')}
      </p>
      {items.length === 0 ? (
        <EmptyState title={t('sessions.empty')} description={t('sessions.emptyHint')} action={recordButton} />
      ) : (
        <div className="gz-stack">
          {[...items].reverse().map((session) => (
            <div key={session.id} className="gz-session" data-testid="research-session" data-session={session.id}>
              <Flex justify="space-between" align="start" gap={8} wrap>
                <div style={{ minWidth: 0, flex: '1 1 280px' }}>
                  <div>
                    <Tag color={session.kind === 'symposium' ? 'blue' : 'purple'}>{t(`sessions.kind.${session.kind}`)}</Tag>
                    <span className="gz-strong">{session.community?.name ?? t('sessions.streetwide')}</span>
                    <span className="gz-muted gz-num"> · {session.heldOn}</span>
                  </div>
                  <div className="gz-muted gz-small">
                    {session.place} · {session.participants}
                    {session.headcount ? ` · ${t('sessions.headcount', { count: session.headcount })}` : ''}
                  </div>
                </div>
                {session.can.revise ? (
                  <Button size="small" onClick={() => setEditing(session)} data-testid="edit-session">
                    {t('sessions.edit')}
                  </Button>
                ) : null}
              </Flex>
              {session.notes ? <p className="gz-session-notes">{session.notes}</p> : null}
              {session.problems.length > 0 ? (
                <ul className="gz-session-problems">
                  {session.problems.map((problem) => (
                    <li key={problem.id}>
                      <span>{problem.description}</span>{' '}
                      {problem.violation ? (
                        <Tag color={problem.violation.unverified ? 'orange' : 'green'}>
                          {problem.violation.unverified ? t('problems.withUnverified', { title: problem.violation.title }) : problem.violation.title}
                        </Tag>
                      ) : problem.outsideCatalogue ? (
                        <Tag>{t('problems.outside')}</Tag>
                      ) : (
                        <Tag color="red">{t('problems.tagPlaceholder')}</Tag>
                      )}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ))}
        </div>
      )}
      {editing !== null ? (
        <SessionDialog
          key={editing === 'new' ? 'new' : `${editing.id}:${editing.version}`}
          engagementId={engagementId}
          communities={communities}
          session={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onReload={async () => {
            const latest = await query.refetch();
            const fresh = editing === 'new' ? null : latest.data?.items.find((item) => item.id === editing.id);
            if (fresh) setEditing(fresh);
          }}
        />
      ) : null}
    </Card>
  );
}

function SessionDialog({
  engagementId,
  communities,
  session,
  onClose,
  onReload,
}: {
  engagementId: string;
  communities: Place[];
  session: ResearchSession | null;
  onClose: () => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useResearchTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveResearchSession(engagementId);
  // One key per dialog: a retried or double-clicked save of a new record records it once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const violations = useViolationOptions(engagementId, t);
  const required = [{ required: true, whitespace: true, message: t('sessions.required') }];

  const submit = async (values: FormValues) => {
    // Blank rows are not sent: the API's `problems.N` is the N-th row sent, this is the form's row for it.
    const sent = (values.problems ?? []).flatMap((problem, index) => (problem.description.trim() === '' ? [] : [index]));
    const body: ResearchSessionBody = {
      kind: values.kind,
      community: values.community === STREETWIDE ? null : values.community,
      heldOn: values.heldOn,
      place: values.place.trim(),
      participants: values.participants.trim(),
      headcount: values.headcount ?? null,
      notes: values.notes.trim(),
      problems: sent
        .map((index) => (values.problems ?? [])[index]!)
        .map((problem) => ({
          ...(problem.id ? { id: problem.id } : {}),
          description: problem.description.trim(),
          violation: problem.outsideCatalogue ? null : (problem.violation ?? null),
          outsideCatalogue: problem.outsideCatalogue === true,
        })),
    };
    try {
      await save.mutateAsync({ sessionId: session?.id ?? null, body, ...(session ? { expectedVersion: session.version } : { idempotencyKey }) });
      void message.success(t('sessions.saved'));
      onClose();
    } catch (error) {
      // The API names each field that does not fit: show it under the field.
      if (isApiError(error, 'form_invalid')) {
        const onInputs = error.fieldErrors.flatMap((fieldError) => {
          const [head, index, leaf] = fieldError.field.split('.');
          if (head === 'problems' && index !== undefined && (leaf === 'description' || leaf === 'violation')) return [{ name: ['problems', sent[Number(index)] ?? 0, leaf], errors: [fieldError.message] }];
          if (head && index === undefined && FIELDS_WITH_INPUTS.includes(head)) return [{ name: [head], errors: [fieldError.message] }];
          return [];
        });
        form.setFields(onInputs as never);
      }
    }
  };

  const conflict = isApiError(save.error, 'conflict');
  return (
    <Modal
      open
      width={720}
      title={session ? t('sessions.dialogTitle.edit', { n: session.version }) : t('sessions.dialogTitle.create')}
      okText={t('sessions.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: conflict, ...({ 'data-testid': 'save-session' } as object) }}
      destroyOnHidden
    >
      {conflict ? (
        <StaleSaveAlert error={save.error} hint={t('sessions.staleHint')} loadLabel={t('sessions.loadLatest')} testId="session-conflict" onLoadLatest={onReload} />
      ) : save.error ? (
        // Field errors also show under their inputs; this says what else was refused and why.
        <ErrorAlert error={save.error} compact />
      ) : null}
      <Form<FormValues> form={form} layout="vertical" initialValues={valuesOf(session)} onFinish={(values) => void submit(values)} requiredMark="optional" data-testid="session-form">
        <Flex gap={12} wrap>
          <Form.Item name="kind" label={t('sessions.fields.kind')} rules={[{ required: true }]} style={{ flex: '0 0 auto' }}>
            <Radio.Group optionType="button" options={(['symposium', 'interview'] as const).map((kind) => ({ value: kind, label: t(`sessions.kind.${kind}`) }))} />
          </Form.Item>
          <Form.Item name="community" label={t('sessions.fields.community')} rules={[{ required: true }]} style={{ flex: '1 1 200px' }}>
            <Select options={[{ value: STREETWIDE, label: t('sessions.streetwide') }, ...communities.map((community) => ({ value: community.key, label: community.name }))]} data-testid="session-community" />
          </Form.Item>
          <Form.Item name="heldOn" label={t('sessions.fields.heldOn')} rules={required} style={{ flex: '0 0 170px' }}>
            <Input type="date" max={todayCivil()} data-testid="session-held-on" />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="place" label={t('sessions.fields.place')} rules={required} style={{ flex: '1 1 240px' }}>
            <Input maxLength={200} data-testid="session-place" />
          </Form.Item>
          <Form.Item name="headcount" label={t('sessions.fields.headcount')} style={{ flex: '0 0 110px' }}>
            <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="participants" label={t('sessions.fields.participants')} extra={t('sessions.fields.participantsHint')} rules={required}>
          <Input maxLength={1000} data-testid="session-participants" />
        </Form.Item>
        <Form.Item name="notes" label={t('sessions.fields.notes')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={20000} data-testid="session-notes" />
        </Form.Item>
        <div className="gz-field-label">{t('sessions.fields.problems')}</div>
        <Form.List name="problems">
          {(fields, { add, remove }) => (
            <div className="gz-stack" style={{ gap: 8 }}>
              {fields.map((field) => (
                <div key={field.key} className="gz-problem-row" data-testid="problem-row">
                  <Form.Item name={[field.name, 'description']} style={{ flex: '1 1 240px', marginBottom: 0 }}>
                    <Input placeholder={t('sessions.fields.problem')} maxLength={500} data-testid="problem-description" />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() => (
                      <Form.Item name={[field.name, 'violation']} style={{ flex: '1 1 220px', marginBottom: 0 }}>
                        <Select
                          allowClear
                          showSearch={{ optionFilterProp: 'label' }}
                          placeholder={t('sessions.fields.violationPlaceholder')}
                          options={violations}
                          disabled={form.getFieldValue(['problems', field.name, 'outsideCatalogue']) === true}
                          data-testid="problem-violation"
                        />
                      </Form.Item>
                    )}
                  </Form.Item>
                  <Space>
                    <Form.Item name={[field.name, 'outsideCatalogue']} valuePropName="checked" style={{ marginBottom: 0 }}>
                      <Checkbox onChange={(event) => event.target.checked && form.setFieldValue(['problems', field.name, 'violation'], null)}>{t('sessions.fields.outside')}</Checkbox>
                    </Form.Item>
                    <Button type="text" aria-label="remove" icon={<Icon name="close" />} onClick={() => remove(field.name)} />
                  </Space>
                </div>
              ))}
              <Button type="dashed" icon={<Icon name="plus" />} onClick={() => add({ description: '' })} data-testid="add-problem">
                {t('sessions.fields.addProblem')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
