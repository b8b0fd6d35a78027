import { Button, Card, Empty, Flex, Input, Pagination, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import { BlockSkeleton } from '../../../components/loading';
import { formatInstant } from '../../../lib/dates';
import { useLocalized } from '../../../lib/i18n';
import { SEARCH_PAGE_SIZE, type ConsultationSummary, useSearchConsultations } from '../api/consultations';
import { useConsultationsTranslation } from '../utils/use-consultations-translation';

function Result({ item }: { item: ConsultationSummary }) {
  const { t } = useConsultationsTranslation();
  const { locale } = useLocalized();
  const more = {
    expandable: 'collapsible' as const,
    symbol: (expanded: boolean) => (expanded ? t('search.collapse') : t('search.expand')),
  };
  return (
    <div
      className="gz-consultation-row gz-consultation-result"
      data-testid="consultation-search-result"
      data-consultation-id={item.id}
    >
      <Flex justify="space-between" align="start" gap={8} wrap>
        <span className="gz-consultation-topic">{item.topic}</span>
        <Tag>{item.engagement.name}</Tag>
      </Flex>
      <Typography.Paragraph
        className="gz-consultation-text gz-muted"
        style={{ margin: '6px 0 0' }}
        ellipsis={{ rows: 1, ...more }}
      >
        {t('search.question', { question: item.question })}
      </Typography.Paragraph>
      <div className="gz-consultation-conclusion" style={{ marginTop: 6 }}>
        <Typography.Paragraph
          className="gz-consultation-text"
          style={{ margin: 0 }}
          ellipsis={{ rows: 3, ...more }}
          data-testid="consultation-search-conclusion"
        >
          {item.conclusion}
        </Typography.Paragraph>
      </div>
      <div className="gz-consultation-meta">
        <span>
          {t('search.concluded', { name: item.concludedBy?.displayName ?? '—', at: formatInstant(item.concludedAt, locale) })}
        </span>
        <span>{t('search.opinions', { count: item.opinions })}</span>
      </div>
    </div>
  );
}

/**
 * 检索本所会诊结论: the firm's concluded consultations, every engagement's, by keywords — how a
 * lawyer finds what the firm already decided on a like question.
 */
export function ConsultationSearch() {
  const { t } = useConsultationsTranslation();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const search = useSearchConsultations(q, page);
  const submit = () => {
    setQ(draft.trim());
    setPage(1);
  };

  const results = () => {
    if (!q) return null;
    if (search.isPending) return <BlockSkeleton rows={3} />;
    if (search.isError) return <ErrorAlert error={search.error} onRetry={() => void search.refetch()} compact />;
    const { items, total } = search.data;
    if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.empty')} />;
    return (
      <>
        <div className="gz-muted gz-small" style={{ marginTop: 4 }} data-testid="consultation-search-total">
          {t('search.total', { total })}
        </div>
        <div>
          {items.map((item) => (
            <Result key={item.id} item={item} />
          ))}
        </div>
        {total > SEARCH_PAGE_SIZE ? (
          <Flex justify="end" style={{ marginTop: 8 }}>
            <Pagination
              simple
              size="small"
              current={page}
              pageSize={SEARCH_PAGE_SIZE}
              total={total}
              onChange={setPage}
            />
          </Flex>
        ) : null}
      </>
    );
  };

  return (
    <Card size="small" title={t('search.title')} data-testid="consultation-search">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('search.hint')}
      </Typography.Paragraph>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onPressEnter={submit}
          placeholder={t('search.placeholder')}
          allowClear
          maxLength={100}
          aria-label={t('search.title')}
          data-testid="consultation-search-input"
        />
        <Button
          type="primary"
          icon={<Icon name="search" />}
          loading={Boolean(q) && search.isFetching}
          onClick={submit}
          data-testid="consultation-search-submit"
        >
          {t('search.button')}
        </Button>
      </Space.Compact>
      {results()}
    </Card>
  );
}
