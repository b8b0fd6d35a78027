import type { KnowledgeKind } from '@gongzhi/domain';
import { Alert, App, Button, Card, Col, Drawer, Flex, Grid, Row } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import { BlockSkeleton } from '../../../components/loading';
import { formatInstant } from '../../../lib/dates';
import { useLocalized } from '../../../lib/i18n';
import type { KnowledgeDirectory } from '../api/directory';
import {
  type EngagementKnowledgeRow,
  useAdaptEngagementKnowledge,
  useEngagementKnowledgeEntry,
} from '../api/engagement-knowledge';
import { CopyStateTags, copyVersions } from './copy-state-tags';
import { KindTag, UnverifiedTag } from './knowledge-bits';
import { KnowledgeChanges } from './knowledge-changes';
import { KnowledgeContentView } from './knowledge-content';
import { useKnowledgeTranslation } from '../utils/use-knowledge-translation';

// The editor (structured forms for every kind) loads only when someone adapts an entry.
const KnowledgeEditor = lazy(() =>
  import('./knowledge-editor').then((module) => ({ default: module.KnowledgeEditor })),
);

function AdaptDrawer({
  engagementId,
  entry,
  title,
  initialContent,
  directory,
  onClose,
}: {
  engagementId: string;
  entry: { kind: KnowledgeKind; key: string };
  title: string;
  initialContent: Record<string, unknown>;
  directory: KnowledgeDirectory;
  onClose: () => void;
}) {
  const { t } = useKnowledgeTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const adapt = useAdaptEngagementKnowledge(engagementId, entry.kind, entry.key);
  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.lg ? 960 : '100%'}
      title={t('editor.adaptTitle', { title })}
      destroyOnHidden
    >
      <Suspense fallback={<BlockSkeleton rows={10} />}>
        <KnowledgeEditor
          kind={entry.kind}
          mode="adapt"
          initialContent={initialContent}
          directory={directory}
          submitLabel={t('editor.saveAdapt')}
          submitting={adapt.isPending}
          error={adapt.error}
          intro={<Alert type="info" showIcon title={t('editor.adaptHint')} />}
          onCancel={onClose}
          onSubmit={(content, reason) =>
            adapt.mutate(
              { content, reason },
              {
                onSuccess: () => {
                  void message.success(t('editor.adapted'));
                  onClose();
                },
              },
            )
          }
        />
      </Suspense>
    </Drawer>
  );
}

/**
 * One entry of the engagement's copy beside the master's newest version: what the master changes,
 * both contents side by side (stacked on a phone), and — for the PM — take it or adapt it.
 */
export function EngagementKnowledgeDrawer({
  engagementId,
  entry,
  directory,
  canAct,
  onTake,
  isTaking,
  onClose,
}: {
  engagementId: string;
  entry: { kind: KnowledgeKind; key: string } | null;
  directory: KnowledgeDirectory;
  canAct: boolean;
  onTake: (row: EngagementKnowledgeRow) => void;
  isTaking: boolean;
  onClose: () => void;
}) {
  const { t } = useKnowledgeTranslation();
  const { locale } = useLocalized();
  const screens = Grid.useBreakpoint();
  const query = useEngagementKnowledgeEntry(engagementId, entry);
  const [isAdapting, setAdapting] = useState(false);
  const data = query.data;
  const row = data?.row;

  const actions =
    canAct && data && row ? (
      <Flex gap={8} wrap>
        <Button icon={<Icon name="edit" />} onClick={() => setAdapting(true)} data-testid="adapt-copy">
          {t('copy.adapt')}
        </Button>
        {row.state !== 'current' ? (
          <Button
            type="primary"
            icon={<Icon name="check" />}
            loading={isTaking}
            onClick={() => onTake(row)}
            data-testid="take-copy-drawer"
          >
            {t('copy.takeVersion', { n: row.masterVersion })}
          </Button>
        ) : null}
      </Flex>
    ) : null;

  const ourTitle =
    row && row.baseVersion !== null
      ? row.adapted
        ? t('copy.oursAdapted', { n: row.baseVersion })
        : t('copy.ours', { n: row.baseVersion })
      : t('copy.oursNone');

  return (
    <Drawer
      open={entry !== null}
      onClose={onClose}
      size={screens.xl ? 1180 : screens.md ? '92%' : '100%'}
      title={
        row ? (
          <Flex gap={8} align="center" wrap>
            <span className="gz-kb-drawer-title">{row.title}</span>
            <KindTag kind={row.kind} />
            {row.unverified ? <UnverifiedTag /> : null}
          </Flex>
        ) : (
          t('copy.compareTitle')
        )
      }
      extra={screens.md ? actions : null}
      footer={screens.md ? null : actions}
      data-testid="copy-drawer"
    >
      {query.isPending ? (
        <BlockSkeleton rows={10} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : data && row ? (
        <div className="gz-stack">
          <Flex gap={12} wrap align="center" className="gz-kb-copy-summary">
            <CopyStateTags row={row} />
            <span className="gz-muted gz-num">{copyVersions(row, t)}</span>
          </Flex>
          {row.adapted ? (
            <Alert
              type="info"
              showIcon
              title={t('copy.adaptedBy', {
                by: row.adapted.by?.displayName ?? t('builtIn'),
                at: formatInstant(row.adapted.at, locale),
                reason: row.adapted.reason ?? t('copy.noReason'),
              })}
            />
          ) : null}
          {!canAct ? <div className="gz-muted gz-small">{t('copy.readOnly')}</div> : null}
          {data.content !== null ? (
            <Card
              size="small"
              title={t('copy.changesTitle', { count: data.changes.length, n: data.master.version })}
              data-testid="copy-changes"
            >
              <KnowledgeChanges
                kind={row.kind}
                changes={data.changes}
                contents={[data.master.content, data.content]}
                directory={directory}
                beforeLabel={t('copy.oursShort')}
                afterLabel={t('copy.masterShort', { n: data.master.version })}
                emptyTitle={t('copy.sameAsMaster')}
              />
            </Card>
          ) : null}
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={ourTitle} className="gz-kb-side gz-kb-side-ours" data-testid="copy-ours">
                {data.content !== null ? (
                  <KnowledgeContentView kind={row.kind} content={data.content} directory={directory} />
                ) : (
                  <EmptyState
                    title={t('copy.notTakenContent')}
                    description={canAct ? t('copy.notTakenHint') : undefined}
                  />
                )}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card
                size="small"
                title={t('copy.master', { n: data.master.version })}
                className="gz-kb-side"
                data-testid="copy-master"
              >
                <KnowledgeContentView kind={row.kind} content={data.master.content} directory={directory} />
              </Card>
            </Col>
          </Row>
        </div>
      ) : null}
      {isAdapting && entry && data && row ? (
        <AdaptDrawer
          engagementId={engagementId}
          entry={entry}
          title={row.title}
          initialContent={(data.content ?? data.master.content) as Record<string, unknown>}
          directory={directory}
          onClose={() => setAdapting(false)}
        />
      ) : null}
    </Drawer>
  );
}
