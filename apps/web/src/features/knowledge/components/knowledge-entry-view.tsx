import type { KnowledgeKind } from '@gongzhi/domain';
import { Alert, Button, Card, Col, Descriptions, Row, Tabs } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorPage } from '../../../components/error-page';
import { Icon } from '../../../components/icons';
import { PageSkeleton } from '../../../components/loading';
import { type Crumb, PageHeader } from '../../../components/page-header';
import { formatInstant } from '../../../lib/dates';
import { useLocalized } from '../../../lib/i18n';
import { useFirmDirectory, useKnowledgeEntry } from '../api/get-knowledge';
import { KindTag, UnverifiedTag, VersionLabel } from './knowledge-bits';
import { KnowledgeContentView, referencedKinds } from './knowledge-content';
import { KnowledgeVersions, type VersionSelection } from './knowledge-versions';
import { useKnowledgeTranslation } from '../utils/use-knowledge-translation';

type EntryTab = 'content' | 'history';

const positiveInt = (value: string | null): number | null => {
  const number = Number(value);
  return value !== null && Number.isInteger(number) && number > 0 ? number : null;
};

/** The selected version and comparison, kept in the address so a comparison can be linked to. */
function selectionOf(params: URLSearchParams): VersionSelection | null {
  const version = positiveInt(params.get('version'));
  if (version === null) return null;
  return {
    version,
    compareTo: positiveInt(params.get('compareTo')),
    view: params.get('view') === 'full' ? 'full' : 'changes',
  };
}

/** One entry of the firm's knowledge base: its content, read as a lawyer would, and its versions. */
export function KnowledgeEntryView({
  kind,
  entryKey,
  canEdit,
  crumbs,
}: {
  kind: KnowledgeKind;
  entryKey: string;
  canEdit: boolean;
  crumbs: Crumb[];
}) {
  const { t } = useKnowledgeTranslation();
  const { locale } = useLocalized();
  const query = useKnowledgeEntry(kind, entryKey);
  const directory = useFirmDirectory(referencedKinds(kind));
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab: EntryTab = params.get('tab') === 'history' ? 'history' : 'content';

  if (query.isPending) return <PageSkeleton rows={10} />;
  if (query.isError)
    return (
      <ErrorPage
        error={query.error}
        onRetry={() => void query.refetch()}
        backTo="/knowledge"
        backLabel={t('entry.backToList')}
      />
    );
  const entry = query.data;
  const author = entry.lastChange.author?.displayName ?? t('builtIn');

  const showHistory = (selection: VersionSelection) =>
    setParams(
      {
        tab: 'history',
        version: String(selection.version),
        ...(selection.compareTo !== null ? { compareTo: String(selection.compareTo) } : {}),
        ...(selection.view === 'full' ? { view: 'full' } : {}),
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        crumbs={[...crumbs, { label: entry.title }]}
        title={
          <>
            {entry.kind === 'violation' ? (
              <span className="gz-kb-title-no gz-num">{t('violationNo', { no: entry.position })}</span>
            ) : null}
            {entry.title}
          </>
        }
        tags={
          <>
            <KindTag kind={entry.kind} />
            <VersionLabel version={entry.version} />
            {entry.unverified ? <UnverifiedTag /> : null}
          </>
        }
        subtitle={
          <span className="gz-kb-subtitle">
            <span className="gz-mono">{entry.key}</span>
            <span>{t('entry.lastChange', { author, at: formatInstant(entry.lastChange.at, locale) })}</span>
          </span>
        }
        extra={
          canEdit ? (
            <Button
              type="primary"
              icon={<Icon name="file" />}
              onClick={() => void navigate(`/knowledge/${entry.kind}/${encodeURIComponent(entry.key)}/edit`)}
              data-testid="edit-entry"
            >
              {t('edit')}
            </Button>
          ) : null
        }
      />
      {entry.unverified ? (
        <Alert type="warning" showIcon className="gz-kb-banner" title={t('entry.unverifiedBanner')} />
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={(key) =>
          key === 'history'
            ? showHistory({ version: entry.version, compareTo: null, view: 'changes' })
            : setParams({}, { replace: true })
        }
        items={[
          {
            key: 'content',
            label: t('entry.content'),
            children: (
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={16} xl={17}>
                  <Card size="small" data-testid="entry-content">
                    <KnowledgeContentView kind={entry.kind} content={entry.content} directory={directory} />
                  </Card>
                </Col>
                <Col xs={24} lg={8} xl={7}>
                  <Card size="small" title={t('entry.about')}>
                    <Descriptions
                      size="small"
                      column={1}
                      items={[
                        { key: 'kind', label: t('columns.kind'), children: t(`kind.${entry.kind}`) },
                        {
                          key: 'key',
                          label: t('entry.key'),
                          children: <span className="gz-mono gz-break">{entry.key}</span>,
                        },
                        {
                          key: 'version',
                          label: t('entry.version'),
                          children: <VersionLabel version={entry.version} />,
                        },
                        {
                          key: 'updated',
                          label: t('columns.updatedAt'),
                          children: formatInstant(entry.updatedAt, locale),
                        },
                        { key: 'author', label: t('entry.author'), children: author },
                        { key: 'reason', label: t('entry.lastReason'), children: entry.lastChange.reason },
                      ]}
                    />
                    {entry.version > 1 ? (
                      <Button
                        block
                        style={{ marginTop: 8 }}
                        icon={<Icon name="history" />}
                        onClick={() => showHistory({ version: entry.version, compareTo: null, view: 'changes' })}
                      >
                        {t('entry.compareLatest')}
                      </Button>
                    ) : null}
                  </Card>
                </Col>
              </Row>
            ),
          },
          {
            key: 'history',
            label: t('entry.history', { count: entry.version }),
            children: (
              <KnowledgeVersions
                entry={entry}
                directory={directory}
                selection={selectionOf(params)}
                onChange={showHistory}
              />
            ),
          },
        ]}
      />
    </>
  );
}
