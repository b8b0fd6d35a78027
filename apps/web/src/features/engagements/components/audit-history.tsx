import { Table, type TableProps, Tooltip } from 'antd';
import { useState } from 'react';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-state';
import { formatBytes, formatInstant } from '../../../lib/dates';
import { useLocalized } from '../../../lib/i18n';
import { type AuditEvent, useEngagementAudit } from '../api/get-audit';

const PAGE_SIZE = 20;

/**
 * The catalogue's keys, a plain string back: i18next's own return type, computed over a catalogue
 * this size, is deeper than the compiler goes (TS2589) once it must be a `string`.
 */
type Translate = (key: ParseKeys, options?: { count?: number; defaultValue?: string }) => string;

const FIELD_KEYS = ['status', 'formData', 'revision', 'file', 'fileName', 'comment', 'assigneeId', 'reason', 'name', 'clientName', 'templateKey', 'startDate', 'sizeBytes', 'sha256', 'taskKeys'] as const;
type KnownField = (typeof FIELD_KEYS)[number];
const isKnownField = (key: string): key is KnownField => (FIELD_KEYS as readonly string[]).includes(key);
/** Technical detail the trail keeps but a reader does not need in the summary. */
const HIDDEN_FIELDS = new Set(['mimeType']);

export interface AuditContext {
  t: Translate;
  /** A user id as a name (team members); unknown ids show as "—". */
  personName: (id: string) => string | undefined;
}

function showValue(entityType: AuditEvent['entity']['type'], key: string, value: unknown, { t, personName }: AuditContext): string {
  if (value === undefined || value === null || value === '') return '—';
  if (key === 'status' && typeof value === 'string') {
    const translated = t(`status.${entityType}.${value}` as 'status.task.done', { defaultValue: '' });
    return translated || value;
  }
  if (key === 'assigneeId' && typeof value === 'string') return personName(value) ?? '—';
  if (key === 'formData' && typeof value === 'object') return t('audit.formFields', { count: Object.keys(value as object).length });
  if (key === 'file' && typeof value === 'object' && value !== null && 'fileName' in value) return String((value as { fileName: unknown }).fileName);
  if (key === 'sizeBytes' && typeof value === 'number') return formatBytes(value);
  if (key === 'sha256' && typeof value === 'string') return `${value.slice(0, 12)}…`;
  if (Array.isArray(value)) return t('audit.items', { count: value.length });
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Changed fields as `field: before → after`, in the reader's words, short enough for a table cell. */
export function describeChange(event: Pick<AuditEvent, 'before' | 'after' | 'entity'>, context: AuditContext): string {
  const keys = [...new Set([...Object.keys(event.before ?? {}), ...Object.keys(event.after ?? {})])].filter((key) => !HIDDEN_FIELDS.has(key));
  const label = (key: string) => (isKnownField(key) ? context.t(`audit.fields.${key}`) : key);
  const show = (key: string, value: unknown) => showValue(event.entity.type, key, value, context);
  return keys
    .slice(0, 6)
    .map((key) => {
      const before = event.before?.[key];
      const after = event.after?.[key];
      return event.before && key in event.before && event.after && key in event.after
        ? `${label(key)}: ${show(key, before)} → ${show(key, after)}`
        : `${label(key)}: ${show(key, after ?? before)}`;
    })
    .join(context.t('common.sentenceSeparator'));
}

/**
 * Every state change of the engagement, newest first. `entityName` names the task or deliverable
 * an entry is about (the caller knows them); `personName` names user ids in the changes.
 */
export function AuditHistory({
  engagementId,
  entityName,
  personName,
}: {
  engagementId: string;
  entityName?: (entity: AuditEvent['entity']) => string | undefined;
  personName: (id: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { locale } = useLocalized();
  const [page, setPage] = useState(1);
  const audit = useEngagementAudit(engagementId, { page, pageSize: PAGE_SIZE });

  if (audit.isError) return <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />;

  const columns: TableProps<AuditEvent>['columns'] = [
    { key: 'at', title: t('audit.at'), width: 150, render: (_, row) => <span className="gz-num">{formatInstant(row.at, locale)}</span> },
    { key: 'actor', title: t('audit.actor'), width: 120, render: (_, row) => row.actor?.displayName ?? <span className="gz-muted">{t('audit.system')}</span> },
    { key: 'action', title: t('audit.action'), width: 150, render: (_, row) => t(`audit.actions.${row.action}`) },
    {
      key: 'entity',
      title: t('audit.entity'),
      render: (_, row) => {
        const name = entityName?.(row.entity);
        return (
          <span>
            <span className="gz-muted">{t(`audit.entities.${row.entity.type}`)}</span>
            {name ? <span> · {name}</span> : null}
          </span>
        );
      },
    },
    {
      key: 'change',
      title: t('audit.change'),
      render: (_, row) => {
        const change = describeChange(row, { t: t as unknown as Translate, personName });
        return change ? (
          <Tooltip title={change}>
            <span className="gz-ellipsis gz-small" style={{ display: 'inline-block', maxWidth: 360 }}>
              {change}
            </span>
          </Tooltip>
        ) : (
          <span className="gz-muted">—</span>
        );
      },
    },
  ];

  return (
    <Table<AuditEvent>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={audit.data?.items ?? []}
      loading={audit.isPending || audit.isFetching}
      scroll={{ x: 'max-content' }}
      pagination={{ current: page, pageSize: PAGE_SIZE, total: audit.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
      locale={{ emptyText: audit.isPending ? ' ' : <EmptyState title={t('audit.emptyTitle')} /> }}
    />
  );
}
