import { Button, Card, Col, Row, Segmented, Select, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-state';
import { BlockSkeleton } from '../../../components/loading';
import { formatInstant } from '../../../lib/dates';
import { useLocalized } from '../../../lib/i18n';
import type { KnowledgeDirectory } from '../api/directory';
import {
  type KnowledgeEntry,
  type KnowledgeVersion,
  useKnowledgeVersion,
  useKnowledgeVersions,
} from '../api/get-knowledge';
import { KnowledgeChanges } from './knowledge-changes';
import { KnowledgeContentView } from './knowledge-content';
import { UnverifiedTag } from './knowledge-bits';
import { useKnowledgeTranslation } from '../utils/use-knowledge-translation';

export interface VersionSelection {
  version: number;
  /** The version to compare with; null: the one before. */
  compareTo: number | null;
  view: 'changes' | 'full';
}

function VersionTimeline({
  versions,
  current,
  selected,
  onSelect,
}: {
  versions: readonly KnowledgeVersion[];
  current: number;
  selected: number;
  onSelect: (version: number) => void;
}) {
  const { t } = useKnowledgeTranslation();
  const { locale } = useLocalized();
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  return (
    <Timeline
      className="gz-kb-timeline"
      items={newestFirst.map((item) => ({
        key: item.version,
        color: item.version === selected ? 'blue' : 'gray',
        content: (
          <div
            className={`gz-kb-version-item ${item.version === selected ? 'is-selected' : ''}`}
            data-version={item.version}
            data-testid="version-item"
          >
            <div className="gz-kb-version-head">
              <strong className="gz-num">{t('versionN', { n: item.version })}</strong>
              {item.version === current ? (
                <Tag color="blue" variant="outlined">
                  {t('versions.current')}
                </Tag>
              ) : null}
              {item.version === 1 ? <Tag variant="outlined">{t('versions.initial')}</Tag> : null}
              {item.unverified ? <UnverifiedTag /> : null}
            </div>
            <div className="gz-muted gz-small">
              {item.author?.displayName ?? t('builtIn')} ·{' '}
              <time dateTime={item.createdAt}>{formatInstant(item.createdAt, locale)}</time>
            </div>
            <div className="gz-kb-version-reason">{item.reason}</div>
            <Button
              size="small"
              type={item.version === selected ? 'primary' : 'default'}
              ghost={item.version === selected}
              onClick={() => onSelect(item.version)}
              data-testid={`compare-version-${item.version}`}
            >
              {item.version === selected
                ? t('versions.viewing')
                : item.version > 1
                  ? t('versions.compare')
                  : t('versions.view')}
            </Button>
          </div>
        ),
      }))}
    />
  );
}

function VersionCompare({
  entry,
  versions,
  selection,
  directory,
  onChange,
}: {
  entry: KnowledgeEntry;
  versions: readonly KnowledgeVersion[];
  selection: VersionSelection;
  directory: KnowledgeDirectory;
  onChange: (selection: VersionSelection) => void;
}) {
  const { t } = useKnowledgeTranslation();
  const { t: tc } = useTranslation();
  const { locale } = useLocalized();
  const detail = useKnowledgeVersion(entry.kind, entry.key, selection.version, selection.compareTo);
  const earlier = versions.filter((item) => item.version < selection.version).sort((a, b) => b.version - a.version);
  const data = detail.data;
  const comparedTo = data?.comparedTo ?? null;

  const title =
    comparedTo !== null
      ? t('versions.compareTitle', { version: selection.version, compareTo: comparedTo })
      : t('versions.versionTitle', { version: selection.version });

  return (
    <Card
      size="small"
      title={<span data-testid="compare-title">{title}</span>}
      extra={
        earlier.length > 0 ? (
          <Select<number>
            size="small"
            value={comparedTo ?? earlier[0]?.version}
            onChange={(value) =>
              onChange({ ...selection, compareTo: value === selection.version - 1 ? null : value, view: 'changes' })
            }
            options={earlier.map((item) => ({
              value: item.version,
              label: t('versions.compareWith', { n: item.version }),
            }))}
            style={{ minWidth: 150 }}
            aria-label={t('versions.compareWithLabel')}
            popupMatchSelectWidth={false}
          />
        ) : null
      }
      data-testid="version-compare"
    >
      {detail.isPending ? (
        <BlockSkeleton rows={6} />
      ) : detail.isError ? (
        <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      ) : data ? (
        <>
          <div className="gz-kb-compare-meta">
            <div className="gz-kb-version-reason">
              {tc('common.labelValue', { label: t('reason'), value: data.reason })}
            </div>
            <div className="gz-muted gz-small">
              {data.author?.displayName ?? t('builtIn')} · {formatInstant(data.createdAt, locale)}
            </div>
          </div>
          {comparedTo !== null ? (
            <Segmented<'changes' | 'full'>
              className="gz-kb-compare-switch"
              value={selection.view}
              onChange={(view) => onChange({ ...selection, view })}
              options={[
                { value: 'changes', label: t('versions.showChanges', { count: data.changes.length }) },
                { value: 'full', label: t('versions.showFull') },
              ]}
            />
          ) : (
            <p className="gz-kb-hint">{t('versions.firstVersion')}</p>
          )}
          {comparedTo !== null && selection.view === 'changes' ? (
            <KnowledgeChanges
              kind={entry.kind}
              changes={data.changes}
              contents={[data.content]}
              directory={directory}
              beforeLabel={t('versionN', { n: comparedTo })}
              afterLabel={t('versionN', { n: selection.version })}
              emptyTitle={t('versions.noChanges')}
            />
          ) : (
            <KnowledgeContentView kind={entry.kind} content={data.content} directory={directory} />
          )}
        </>
      ) : null}
    </Card>
  );
}

/** Who changed the entry, when and why; and what each version changed. */
export function KnowledgeVersions({
  entry,
  directory,
  selection,
  onChange,
}: {
  entry: KnowledgeEntry;
  directory: KnowledgeDirectory;
  selection: VersionSelection | null;
  onChange: (selection: VersionSelection) => void;
}) {
  const { t } = useKnowledgeTranslation();
  const versions = useKnowledgeVersions(entry.kind, entry.key);
  if (versions.isPending) return <BlockSkeleton rows={6} />;
  if (versions.isError) return <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />;
  const items = versions.data.items;
  if (items.length === 0) return <EmptyState title={t('versions.empty')} />;
  const current = selection ?? { version: entry.version, compareTo: null, view: 'changes' as const };
  return (
    <Row gutter={[16, 16]}>
      {/* On a phone the comparison comes first, the history below it. */}
      <Col xs={{ span: 24, order: 2 }} lg={{ span: 9, order: 1 }} xl={{ span: 8, order: 1 }}>
        <Card size="small" title={t('versions.title')} data-testid="version-history">
          <VersionTimeline
            versions={items}
            current={entry.version}
            selected={current.version}
            onSelect={(version) => onChange({ version, compareTo: null, view: 'changes' })}
          />
        </Card>
      </Col>
      <Col xs={{ span: 24, order: 1 }} lg={{ span: 15, order: 2 }} xl={{ span: 16, order: 2 }}>
        <VersionCompare entry={entry} versions={items} selection={current} directory={directory} onChange={onChange} />
      </Col>
    </Row>
  );
}
