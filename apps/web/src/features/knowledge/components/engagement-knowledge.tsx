import type { KnowledgeKind } from '@gongzhi/domain';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Checkbox,
  Flex,
  Grid,
  Input,
  Modal,
  Select,
  Table,
  type TableProps,
  Tag,
} from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import { BlockSkeleton } from '../../../components/loading';
import { describeError } from '../../../lib/errors';
import {
  type EngagementKnowledgeRow,
  engagementDirectory,
  useEngagementKnowledge,
  useTakeEngagementKnowledge,
} from '../api/engagement-knowledge';
import { isKnowledgeKind, KIND_ORDER } from '../api/get-knowledge';
import { EngagementKnowledgeDrawer } from './engagement-knowledge-drawer';
import { useSearchParamUpdater } from '../utils/use-search-param-updater';
import { CopyStateTags, copyVersions } from './copy-state-tags';
import { KindTag, UnverifiedTag } from './knowledge-bits';
import { useKnowledgeTranslation } from '../utils/use-knowledge-translation';

export type CopyFilter = 'all' | 'behind' | 'not_taken' | 'adapted' | 'current';
const FILTERS: readonly CopyFilter[] = ['all', 'behind', 'not_taken', 'adapted', 'current'];

/** Rows needing a decision first (the master moved on, then not taken), then in catalogue order. */
export function orderCopyRows(rows: readonly EngagementKnowledgeRow[]): EngagementKnowledgeRow[] {
  const rank = { behind: 0, not_taken: 1, current: 2 } as const;
  return [...rows].sort(
    (a, b) =>
      rank[a.state] - rank[b.state] ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      a.position - b.position,
  );
}

export const matchesFilter = (row: EngagementKnowledgeRow, filter: CopyFilter): boolean =>
  filter === 'all' ? true : filter === 'adapted' ? row.adapted !== null : row.state === filter;

/** An entry as the `entry` search parameter names it: `law:bj-property-management-regulations`. */
export function parseEntryParam(value: string | null): { kind: KnowledgeKind; key: string } | null {
  if (!value) return null;
  const at = value.indexOf(':');
  const kind = value.slice(0, at);
  const key = value.slice(at + 1);
  return at > 0 && isKnowledgeKind(kind) && key ? { kind, key } : null;
}

/**
 * Taking the master's newer versions: one entry, or every one not current. An adapted entry asks
 * first whether to replace the adaptation or keep it (then the new version is only marked seen).
 */
function useTakeFlow(engagementId: string) {
  const { t } = useKnowledgeTranslation();
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const take = useTakeEngagementKnowledge(engagementId);
  const [takingAll, setTakingAll] = useState<{ count: number; adapted: number } | null>(null);
  const [keepAdaptations, setKeepAdaptations] = useState(true);

  const run = (entryIds: string[] | undefined, keepAdaptation: boolean, onDone?: () => void) =>
    take.mutate(
      { entryIds, keepAdaptation },
      {
        onSuccess: ({ taken }) => {
          void message.success(taken.length === 0 ? t('copy.nothingToTake') : t('copy.taken', { count: taken.length }));
          onDone?.();
        },
        onError: (error) => void message.error(describeError(error, tc).title),
      },
    );

  const [adaptedRow, setAdaptedRow] = useState<EngagementKnowledgeRow | null>(null);
  const takeOne = (row: EngagementKnowledgeRow) => {
    if (row.adapted) setAdaptedRow(row);
    else run([row.entryId], false);
  };

  const adaptedDialog = (
    <Modal
      open={adaptedRow !== null}
      title={adaptedRow ? t('copy.takeAdaptedTitle', { title: adaptedRow.title }) : ''}
      onCancel={() => setAdaptedRow(null)}
      footer={[
        <Button key="cancel" onClick={() => setAdaptedRow(null)}>
          {tc('common.cancel')}
        </Button>,
        <Button
          key="keep"
          loading={take.isPending && take.variables?.keepAdaptation === true}
          onClick={() => adaptedRow && run([adaptedRow.entryId], true, () => setAdaptedRow(null))}
        >
          {t('copy.keepAdaptation')}
        </Button>,
        <Button
          key="replace"
          type="primary"
          loading={take.isPending && take.variables?.keepAdaptation === false}
          onClick={() => adaptedRow && run([adaptedRow.entryId], false, () => setAdaptedRow(null))}
        >
          {t('copy.replaceAdaptation')}
        </Button>,
      ]}
    >
      <p>{t('copy.takeAdaptedExplain')}</p>
    </Modal>
  );

  const allDialog = (
    <Modal
      open={takingAll !== null}
      title={t('copy.takeAllTitle')}
      okText={t('copy.takeAll')}
      cancelText={tc('common.cancel')}
      okButtonProps={{ loading: take.isPending }}
      onCancel={() => setTakingAll(null)}
      onOk={() => run(undefined, keepAdaptations, () => setTakingAll(null))}
    >
      <p>{t('copy.takeAllExplain', { count: takingAll?.count ?? 0 })}</p>
      {takingAll && takingAll.adapted > 0 ? (
        <Checkbox checked={keepAdaptations} onChange={(event) => setKeepAdaptations(event.target.checked)}>
          {t('copy.keepAdaptations', { count: takingAll.adapted })}
        </Checkbox>
      ) : null}
    </Modal>
  );

  return {
    take,
    takeOne,
    takeAll: (rows: readonly EngagementKnowledgeRow[]) => {
      const pending = rows.filter((row) => row.state !== 'current');
      setKeepAdaptations(true);
      setTakingAll({ count: pending.length, adapted: pending.filter((row) => row.adapted !== null).length });
    },
    dialogs: (
      <>
        {allDialog}
        {adaptedDialog}
      </>
    ),
  };
}

/**
 * The engagement's copy of the knowledge base: what its documents use, where the master has moved
 * on, what was adapted to the district. The engagement's PM and administrators take new versions
 * and adapt entries; everyone else on the team (the client too) reads.
 */
export function EngagementKnowledge({ engagementId, canAct }: { engagementId: string; canAct: boolean }) {
  const { t } = useKnowledgeTranslation();
  const { t: tc } = useTranslation();
  const screens = Grid.useBreakpoint();
  const isNarrow = !screens.md;
  const query = useEngagementKnowledge(engagementId);
  const [params, update] = useSearchParamUpdater();
  const requested = params.get('state') as CopyFilter | null;
  const filter: CopyFilter = requested && FILTERS.includes(requested) ? requested : 'all';
  const [kind, setKind] = useState<KnowledgeKind | 'all'>('all');
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search.trim());
  const flow = useTakeFlow(engagementId);
  const selected = parseEntryParam(params.get('entry'));

  const setParam = (name: string, value: string | null) => update({ [name]: value });
  const open = (row: Pick<EngagementKnowledgeRow, 'kind' | 'key'>) => setParam('entry', `${row.kind}:${row.key}`);

  if (query.isPending) return <BlockSkeleton rows={8} />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const { items, counts } = query.data;
  const directory = engagementDirectory(
    items,
    (entryKind, key) => `/engagements/${engagementId}?tab=knowledge&entry=${entryKind}:${encodeURIComponent(key)}`,
  );
  const rows = orderCopyRows(items).filter(
    (row) =>
      matchesFilter(row, filter) &&
      (kind === 'all' || row.kind === kind) &&
      (!deferredSearch || row.title.includes(deferredSearch) || row.key.includes(deferredSearch)),
  );
  const pending = counts.behind + counts.notTaken;
  const tiles: { filter: CopyFilter; count: number; tone?: 'warn' }[] = [
    { filter: 'current', count: counts.current },
    { filter: 'behind', count: counts.behind, tone: counts.behind > 0 ? 'warn' : undefined },
    { filter: 'not_taken', count: counts.notTaken },
    { filter: 'adapted', count: counts.adapted },
  ];

  const takeAllButton = (
    <Button size="small" type="primary" onClick={() => flow.takeAll(items)} data-testid="take-all">
      {t('copy.takeAllCount', { count: pending })}
    </Button>
  );

  const columns: TableProps<EngagementKnowledgeRow>['columns'] = [
    {
      key: 'entry',
      title: t('copy.columns.entry'),
      render: (_, row) => (
        <div className="gz-kb-title-cell">
          <div className="gz-kb-title-line">
            <button
              type="button"
              className="gz-link-button gz-strong-link"
              onClick={() => open(row)}
              data-testid="open-copy"
            >
              {row.kind === 'violation' ? (
                <span className="gz-kb-title-no gz-num">{t('violationNo', { no: row.position })}</span>
              ) : null}
              {row.title}
            </button>
            {row.unverified ? <UnverifiedTag /> : null}
          </div>
          <div className="gz-muted gz-small gz-kb-title-meta">
            {isNarrow ? <>{t(`kind.${row.kind}`)} · </> : null}
            <span className="gz-num">{copyVersions(row, t)}</span>
          </div>
          {isNarrow ? (
            <div style={{ marginTop: 4 }}>
              <CopyStateTags row={row} />
            </div>
          ) : null}
        </div>
      ),
    },
    {
      key: 'kind',
      title: t('columns.kind'),
      width: 110,
      responsive: ['md'],
      render: (_, row) => <KindTag kind={row.kind} />,
    },
    {
      key: 'state',
      title: t('copy.columns.state'),
      width: 190,
      responsive: ['md'],
      render: (_, row) => <CopyStateTags row={row} />,
    },
    {
      key: 'actions',
      title: t('copy.columns.actions'),
      width: isNarrow ? 96 : 250,
      align: 'right',
      render: (_, row) => (
        <Flex gap={4} justify="flex-end" wrap>
          <Button size="small" icon={<Icon name="columns" />} onClick={() => open(row)} data-testid="compare-copy">
            {t('copy.compare')}
          </Button>
          {canAct && row.state !== 'current' ? (
            <Button
              size="small"
              type="primary"
              ghost
              loading={flow.take.isPending && flow.take.variables?.entryIds?.[0] === row.entryId}
              onClick={() => flow.takeOne(row)}
              data-testid="take-copy"
            >
              {row.state === 'not_taken' ? t('copy.takeFirst') : t('copy.take')}
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <div className="gz-stack" data-testid="engagement-knowledge">
      <p className="gz-kb-hint" style={{ margin: 0 }}>
        {t('copy.intro')}
      </p>
      <div className="gz-kpis gz-kb-copy-tiles">
        {tiles.map((tile) => (
          <button
            key={tile.filter}
            type="button"
            className={`gz-kb-tile ${filter === tile.filter ? 'is-active' : ''} ${tile.tone === 'warn' ? 'is-warn' : ''}`}
            onClick={() => setParam('state', filter === tile.filter ? null : tile.filter)}
            aria-pressed={filter === tile.filter}
            data-testid={`copy-count-${tile.filter}`}
          >
            <span className="gz-kpi-title">{t(`copy.state.${tile.filter}`)}</span>
            <span className="gz-kb-tile-count gz-num">{tile.count}</span>
          </button>
        ))}
      </div>
      {counts.behind > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('copy.behindBanner', { count: counts.behind })}
          description={
            <>
              <div>{canAct ? t('copy.behindHint') : t('copy.readOnly')}</div>
              {/* On a phone the button goes under the text rather than squeezing it into a column. */}
              {canAct && isNarrow ? <div style={{ marginTop: 8 }}>{takeAllButton}</div> : null}
            </>
          }
          action={canAct && !isNarrow ? takeAllButton : undefined}
        />
      ) : null}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Flex className="gz-toolbar" gap={8} wrap align="center">
          <Input
            allowClear
            prefix={<Icon name="search" />}
            placeholder={t('copy.search')}
            aria-label={t('copy.search')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            className="gz-kb-search"
          />
          <Select<KnowledgeKind | 'all'>
            value={kind}
            onChange={setKind}
            style={{ width: 140 }}
            aria-label={t('columns.kind')}
            options={[
              { value: 'all', label: t('copy.allKinds') },
              ...KIND_ORDER.map((value) => ({ value, label: t(`tabs.${value}`) })),
            ]}
          />
          {filter !== 'all' ? (
            <Tag closable onClose={() => setParam('state', null)} color="blue" variant="outlined">
              {t(`copy.state.${filter}`)}
            </Tag>
          ) : null}
          {canAct && pending > 0 && counts.behind === 0 ? (
            <Button size="small" onClick={() => flow.takeAll(items)} data-testid="take-all">
              {t('copy.takeAllCount', { count: pending })}
            </Button>
          ) : null}
          {query.isFetching ? <Badge status="processing" text={tc('common.refreshing')} /> : null}
        </Flex>
        <Table<EngagementKnowledgeRow>
          rowKey="entryId"
          size="middle"
          columns={columns}
          dataSource={rows}
          tableLayout="auto"
          rowClassName={(row) => (row.state === 'behind' ? 'gz-row-behind' : '')}
          onRow={(row) => ({ 'data-entry': `${row.kind}:${row.key}`, 'data-state': row.state }) as object}
          pagination={
            rows.length > 20 ? { pageSize: 20, showSizeChanger: false, size: isNarrow ? 'small' : undefined } : false
          }
          locale={{ emptyText: <EmptyState title={t('copy.emptyFiltered')} /> }}
        />
      </Card>
      {flow.dialogs}
      <EngagementKnowledgeDrawer
        engagementId={engagementId}
        entry={selected}
        directory={directory}
        canAct={canAct}
        onTake={flow.takeOne}
        isTaking={flow.take.isPending}
        onClose={() => setParam('entry', null)}
      />
    </div>
  );
}
