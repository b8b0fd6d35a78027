import { Badge, Card, Checkbox, Flex, Grid, Input, Table, type TableProps, Tabs, Typography } from 'antd';
import { type ReactNode, useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import { formatInstant } from '../../../lib/dates';
import { useLocalized } from '../../../lib/i18n';
import {
  isKnowledgeKind,
  KIND_ORDER,
  type KnowledgeEntrySummary,
  type KnowledgeListQuery,
  useKnowledgeList,
} from '../api/get-knowledge';
import { useSearchParamUpdater } from '../utils/use-search-param-updater';
import { KindTag, UnverifiedTag, VersionLabel } from './knowledge-bits';
import { useKnowledgeTranslation } from '../utils/use-knowledge-translation';

export const KNOWLEDGE_PAGE_SIZE = 20;

export const entryPath = (entry: Pick<KnowledgeEntrySummary, 'kind' | 'key'>): string =>
  `/knowledge/${entry.kind}/${encodeURIComponent(entry.key)}`;

/** The tab a list opens on: the laws (the built-in order would otherwise start with the sources). */
export const DEFAULT_KIND = 'law';
const ALL_KINDS = 'all';

/**
 * The query a list address asks for: kind (`all` for every kind, the laws when absent), search,
 * 待核实 and page live in the URL, so back and links keep them.
 */
export function knowledgeQueryOf(params: URLSearchParams, search = params.get('q') ?? ''): KnowledgeListQuery {
  const kind = params.get('kind') ?? DEFAULT_KIND;
  const page = Number(params.get('page'));
  const q = search.trim();
  return {
    ...(isKnowledgeKind(kind) ? { kind } : {}),
    ...(q ? { q } : {}),
    ...(params.get('unverified') === 'true' ? { unverified: true } : {}),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: KNOWLEDGE_PAGE_SIZE,
  };
}

/** The title with the searched words marked, where they appear as typed. */
function Highlighted({ text, query }: { text: string; query: string | undefined }) {
  if (!query) return <>{text}</>;
  const at = text.indexOf(query);
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark className="gz-kb-mark">{query}</mark>
      {text.slice(at + query.length)}
    </>
  );
}

/** The firm's knowledge base: by kind, searched in Chinese, 待核实 marked, newest versions. */
export function KnowledgeList() {
  const { t } = useKnowledgeTranslation();
  const { t: tc } = useTranslation();
  const { locale } = useLocalized();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const isNarrow = !screens.md;
  const [params, update] = useSearchParamUpdater();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const deferredSearch = useDeferredValue(search);
  const query = knowledgeQueryOf(params, deferredSearch);
  const list = useKnowledgeList(query);
  const items = list.data?.items ?? [];

  const columns: TableProps<KnowledgeEntrySummary>['columns'] = [
    {
      key: 'title',
      title: t('columns.title'),
      render: (_, row) => (
        <div className="gz-kb-title-cell">
          <div className="gz-kb-title-line">
            <Link to={entryPath(row)} className="gz-strong-link" onClick={(event) => event.stopPropagation()}>
              {row.kind === 'violation' ? (
                <span className="gz-kb-title-no gz-num">{t('violationNo', { no: row.position })}</span>
              ) : null}
              <Highlighted text={row.title} query={query.q} />
            </Link>
            {row.unverified ? <UnverifiedTag /> : null}
          </div>
          <div className="gz-muted gz-small gz-kb-title-meta">
            <span className="gz-mono">{row.key}</span>
            {isNarrow ? (
              <>
                {query.kind ? null : ` · ${t(`kind.${row.kind}`)}`} · <VersionLabel version={row.version} />
              </>
            ) : null}
          </div>
        </div>
      ),
    },
    ...(query.kind
      ? []
      : [
          {
            key: 'kind',
            title: t('columns.kind'),
            width: 110,
            responsive: ['md' as const],
            render: (_: unknown, row: KnowledgeEntrySummary) => <KindTag kind={row.kind} />,
          },
        ]),
    {
      key: 'version',
      title: t('columns.version'),
      width: 90,
      responsive: ['md'],
      render: (_, row) => <VersionLabel version={row.version} />,
    },
    {
      key: 'updatedAt',
      title: t('columns.updatedAt'),
      width: 160,
      responsive: ['md'],
      render: (_, row) => <span className="gz-num gz-muted">{formatInstant(row.updatedAt, locale)}</span>,
    },
  ];

  const emptyText: ReactNode = list.isPending ? (
    ' '
  ) : (
    <EmptyState
      title={
        query.q
          ? t('empty.searchTitle', { q: query.q })
          : query.unverified || query.kind
            ? t('empty.filteredTitle')
            : t('empty.noneTitle')
      }
      description={query.q || query.unverified ? t('empty.hint') : undefined}
    />
  );

  return (
    <Card size="small" styles={{ body: { padding: 0 } }} data-testid="knowledge-list">
      <Tabs
        className="gz-kb-kind-tabs"
        activeKey={query.kind ?? ALL_KINDS}
        onChange={(key) => update({ kind: key === DEFAULT_KIND ? null : key, page: null })}
        items={[
          ...KIND_ORDER.map((kind) => ({ key: kind, label: t(`tabs.${kind}`) })),
          { key: ALL_KINDS, label: t('tabs.all') },
        ]}
      />
      <Flex className="gz-toolbar" gap={12} wrap align="center">
        <Input
          allowClear
          prefix={<Icon name="search" />}
          placeholder={t('searchPlaceholder')}
          aria-label={t('searchLabel')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            update({ q: event.target.value.trim() || null, page: null });
          }}
          className="gz-kb-search"
          data-testid="knowledge-search"
        />
        <Checkbox
          checked={query.unverified === true}
          onChange={(event) => update({ unverified: event.target.checked ? 'true' : null, page: null })}
          data-testid="unverified-only"
        >
          {t('unverifiedOnly')}
        </Checkbox>
        <Typography.Text type="secondary" className="gz-num">
          {list.data ? t('total', { count: list.data.total }) : null}
        </Typography.Text>
        {list.isFetching && !list.isPending ? <Badge status="processing" text={tc('common.refreshing')} /> : null}
      </Flex>
      {list.isError ? (
        <div style={{ padding: 16 }}>
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        </div>
      ) : (
        <Table<KnowledgeEntrySummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={list.isPending}
          onRow={(row) => ({ onClick: () => void navigate(entryPath(row)), className: 'gz-clickable-row' })}
          rowClassName={(row) => (row.unverified ? 'gz-row-unverified' : '')}
          tableLayout="auto"
          pagination={
            (list.data?.total ?? 0) > KNOWLEDGE_PAGE_SIZE
              ? {
                  current: query.page,
                  pageSize: KNOWLEDGE_PAGE_SIZE,
                  total: list.data?.total,
                  onChange: (page) => update({ page: page === 1 ? null : String(page) }),
                  showSizeChanger: false,
                  size: isNarrow ? 'small' : undefined,
                }
              : false
          }
          locale={{ emptyText }}
        />
      )}
    </Card>
  );
}
