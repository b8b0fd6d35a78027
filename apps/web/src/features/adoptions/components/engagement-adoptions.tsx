import { Button, Card, Empty, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import { BlockSkeleton } from '../../../components/loading';
import { useAdoptions } from '../api/adoptions';
import { communitiesOf } from '../utils/adoptions';
import { useAdoptionsTranslation } from '../utils/use-adoptions-translation';
import { AdoptionDrawer } from './adoption-drawer';
import { type AdoptionCommunity, AdoptionForm } from './adoption-form';
import { AdoptionRow } from './adoption-parts';

/** The search parameter naming the procedure open in the drawer (a link to it, a reload, keep it open). */
const OPEN_PARAM = 'adoption';

/**
 * 民主程序: the engagement's procedures (those in progress first) — a community's residents'
 * convention or an owners' matter from its public notice through the vote to the filing — to read
 * and act on in a drawer, and for the PM (`can.open`) to open one. The client's contact reads them
 * too (every `can` false). `filedWith`: proposed as the office a convention is filed with.
 */
export function EngagementAdoptions({
  engagementId,
  communities,
  filedWith,
}: {
  engagementId: string;
  communities: readonly AdoptionCommunity[];
  filedWith?: string;
}) {
  const { t } = useAdoptionsTranslation();
  const [community, setCommunity] = useState<string | undefined>(undefined);
  const [isOpening, setIsOpening] = useState(false);
  const [params, setParams] = useSearchParams();
  const openId = params.get(OPEN_PARAM);
  // All of them, for the filter's communities; then those of the community chosen.
  const all = useAdoptions(engagementId, {});
  const list = useAdoptions(engagementId, community ? { community } : {});
  const show = (id: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (id) next.set(OPEN_PARAM, id);
        else next.delete(OPEN_PARAM);
        return next;
      },
      { replace: true },
    );

  if (list.isPending) return <BlockSkeleton rows={6} />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const { items, can } = list.data;
  const filterOptions = communitiesOf(all.data?.items ?? items);
  const opened = openId ? items.find((item) => item.id === openId) : undefined;
  // Nothing yet: the button comes with the explanation of what a procedure is.
  const isEmpty = items.length === 0 && !community;
  const openButton = can.open ? (
    <Button
      type="primary"
      icon={<Icon name="plus" />}
      onClick={() => setIsOpening(true)}
      data-testid="adoption-open-button"
    >
      {t('open')}
    </Button>
  ) : null;

  return (
    <div className="gz-stack" data-testid="adoptions">
      <Flex justify="space-between" align="start" gap={12} wrap>
        <Typography.Text type="secondary" style={{ flex: '1 1 320px' }} data-testid="adoptions-intro">
          {t('intro')}
        </Typography.Text>
        {isEmpty ? null : openButton}
      </Flex>
      <Card
        size="small"
        title={
          filterOptions.length > 1 || community ? (
            <span data-testid="adoption-community-filter">
              <Select
                size="small"
                style={{ minWidth: 160, maxWidth: '100%' }}
                value={community ?? ''}
                onChange={(value: string) => setCommunity(value || undefined)}
                options={[
                  { value: '', label: t('allCommunities') },
                  ...filterOptions.map((option) => ({ value: option.id, label: option.name })),
                ]}
                aria-label={t('filterCommunity')}
              />
            </span>
          ) : undefined
        }
      >
        {items.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={community ? t('emptyFiltered') : t('empty')}
            data-testid="adoptions-empty"
          >
            {community ? null : (
              <Flex vertical align="center" gap={12}>
                <Typography.Text type="secondary" style={{ maxWidth: 560, display: 'block' }}>
                  {can.open ? t('emptyHint') : t('emptyHintReadOnly')}
                </Typography.Text>
                {openButton}
              </Flex>
            )}
          </Empty>
        ) : (
          <div data-testid="adoption-list">
            {items.map((adoption) => (
              <AdoptionRow key={adoption.id} adoption={adoption} onOpen={() => show(adoption.id)} />
            ))}
          </div>
        )}
      </Card>
      {isOpening ? (
        <AdoptionForm
          engagementId={engagementId}
          communities={communities}
          onClose={() => setIsOpening(false)}
          onOpened={(adoption) => show(adoption.id)}
        />
      ) : null}
      {openId ? (
        <AdoptionDrawer
          key={openId}
          engagementId={engagementId}
          adoptionId={openId}
          {...(opened ? { placeholder: opened } : {})}
          {...(filedWith ? { filedWith } : {})}
          onClose={() => show(null)}
        />
      ) : null}
    </div>
  );
}
