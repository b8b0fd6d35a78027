import { MAX_CALENDAR_FEEDS } from '@gongzhi/contracts';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Popconfirm, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import { BlockSkeleton } from '../../../components/loading';
import { formatInstant } from '../../../lib/dates';
import { isApiError } from '../../../lib/errors';
import { currentLocale } from '../../../lib/i18n';
import { useEngagements } from '../../engagements/api/get-engagements';
import {
  type CalendarFeed,
  type CreatedCalendarFeed,
  feedAddresses,
  type NewCalendarFeed,
  subscribableEngagements,
  useCalendarFeeds,
  useCreateCalendarFeed,
  useRevokeCalendarFeed,
} from '../api/calendar-feeds';
import { useCalendarFeedsTranslation } from '../utils/use-calendar-feeds-translation';

/** The choice's value for the person's own calendar (engagements are chosen by their id). */
const MINE = 'mine';

interface NewFeedValues {
  name: string;
  scope: string;
}

/** The form's fields the API's field errors can name. */
const formFieldOf = (field: string): keyof NewFeedValues | null =>
  field === 'name' ? 'name' : field === 'engagementId' ? 'scope' : null;

/**
 * Why the address was refused. The API's words already say what to do about the limit (409) and
 * about who may subscribe (403); the dashboard's generic hints for those codes (someone else's
 * change, asking to join the team) would mislead here, and a 404 means the engagement went.
 */
function CreateError({ error }: { error: unknown }) {
  const { t } = useCalendarFeedsTranslation();
  if (!isApiError(error) || !error.isApiErrorBody) return <ErrorAlert error={error} compact />;
  if (error.code === 'conflict' || error.code === 'forbidden') return <Alert type="error" showIcon role="alert" title={error.message} />;
  if (error.code === 'not_found') return <Alert type="error" showIcon role="alert" title={error.message} description={t('engagementGone')} />;
  return <ErrorAlert error={error} compact />;
}

/** One form of the address, labelled and copyable. */
function AddressLine({ label, address, copy, testId }: { label: string; address: string; copy: { text: string; tooltips: string[] }; testId: string }) {
  return (
    <div>
      <div className="gz-label">{label}</div>
      <Typography.Paragraph code copyable={copy} style={{ wordBreak: 'break-all', marginBottom: 0 }} data-testid={testId}>
        {address}
      </Typography.Paragraph>
    </div>
  );
}

/** The address, once: only its hash is stored, so after this dialog closes nobody can show it again. */
function CreatedAddress({ created }: { created: CreatedCalendarFeed }) {
  const { t } = useCalendarFeedsTranslation();
  const { https, webcal } = feedAddresses(created.path);
  const copyable = (text: string) => ({ text, tooltips: [t('copy'), t('copied')] });
  return (
    <Flex vertical gap={12}>
      <Alert type="warning" showIcon title={t('once')} />
      <AddressLine label={t('httpsAddress')} address={https} copy={copyable(https)} testId="calendar-feed-url" />
      <AddressLine label={t('webcalAddress')} address={webcal} copy={copyable(webcal)} testId="calendar-feed-webcal" />
      <div>
        <div className="gz-label">{t('howTo')}</div>
        <ul className="gz-calendar-howto gz-muted">
          <li>{t('howIphone')}</li>
          <li>{t('howMac')}</li>
          <li>{t('howOutlook')}</li>
          <li>{t('howWework')}</li>
        </ul>
      </div>
    </Flex>
  );
}

/** 新建订阅地址: the form, then the address it made in its place. Unmounted on close, which forgets the address. */
export function NewCalendarFeedDialog({ onClose }: { onClose: () => void }) {
  const { t } = useCalendarFeedsTranslation();
  const [form] = Form.useForm<NewFeedValues>();
  const create = useCreateCalendarFeed();
  const [created, setCreated] = useState<CreatedCalendarFeed | null>(null);
  // Running and paused ones only: a finished engagement has nothing left to put in a calendar.
  const engagements = useEngagements({ status: ['running', 'paused'], sort: 'name', page: 1, pageSize: 100 });
  const offered = subscribableEngagements(engagements.data?.items ?? []);

  const save = async (values: NewFeedValues) => {
    const body: NewCalendarFeed = {
      name: values.name.trim(),
      ...(values.scope !== MINE ? { engagementId: values.scope } : {}),
    };
    try {
      setCreated(await create.mutateAsync(body));
    } catch (error) {
      if (!isApiError(error)) return;
      const fields = error.fieldErrors.flatMap((fieldError) => {
        const name = formFieldOf(fieldError.field);
        return name ? [{ name, errors: [fieldError.message] }] : [];
      });
      form.setFields(fields);
    }
  };
  // A 422 whose every complaint sits under its field needs no banner besides.
  const shownAtFields =
    isApiError(create.error, 'form_invalid') &&
    create.error.fieldErrors.length > 0 &&
    create.error.fieldErrors.every((fieldError) => formFieldOf(fieldError.field) !== null);

  return (
    <Modal
      open
      title={created ? t('createdTitle', { name: created.feed.name }) : t('new')}
      onCancel={onClose}
      // Once the address shows, a stray click, Esc or × must not lose the only view of it: “我已复制” closes.
      mask={{ closable: created === null }}
      keyboard={created === null}
      closable={created === null}
      footer={
        created ? (
          <Button type="primary" onClick={onClose} data-testid="calendar-feed-done">
            {t('done')}
          </Button>
        ) : (
          <Flex justify="end" gap={8}>
            <Button onClick={onClose}>{t('cancel')}</Button>
            <Button
              type="primary"
              loading={create.isPending}
              onClick={() => form.submit()}
              data-testid="save-calendar-feed"
            >
              {t('create')}
            </Button>
          </Flex>
        )
      }
    >
      {created ? (
        <CreatedAddress created={created} />
      ) : (
        <Form<NewFeedValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ scope: MINE }}
          onFinish={(values) => void save(values)}
        >
          {create.error && !shownAtFields ? (
            <div style={{ marginBottom: 16 }}>
              <CreateError error={create.error} />
            </div>
          ) : null}
          <Form.Item
            label={t('name')}
            name="name"
            extra={t('nameHint')}
            rules={[
              { required: true, whitespace: true, message: t('nameRequired') },
              { max: 100, message: t('nameTooLong') },
            ]}
          >
            <Input placeholder={t('namePlaceholder')} maxLength={100} data-testid="calendar-feed-name" />
          </Form.Item>
          {/* Only PMs and partners may subscribe to an engagement's calendar: nobody else needs to see the choice. */}
          {offered.length > 0 ? (
            <Form.Item label={t('scope')} name="scope" extra={t('scopeHint')}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                // Long engagement names wrap instead of being cut off on a phone; a PM leads few enough to skip virtualising.
                classNames={{ popup: { root: 'gz-calendar-scope-options' } }}
                virtual={false}
                options={[
                  { value: MINE, label: t('mineLong') },
                  ...offered.map((engagement) => ({
                    value: engagement.id,
                    label: t('engagementScope', { name: engagement.name }),
                  })),
                ]}
                data-testid="calendar-feed-scope"
              />
            </Form.Item>
          ) : null}
        </Form>
      )}
    </Modal>
  );
}

function FeedRow({ feed, onRevoke }: { feed: CalendarFeed; onRevoke: (feed: CalendarFeed) => Promise<unknown> }) {
  const { t } = useCalendarFeedsTranslation();
  const locale = currentLocale();
  const live = feed.revokedAt === null;
  return (
    <li
      className="gz-calendar-feed"
      data-testid="calendar-feed"
      data-feed-id={feed.id}
      data-state={live ? 'live' : 'revoked'}
    >
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <div className="gz-calendar-feed-main">
          <Flex align="center" gap={8} wrap>
            <span className="gz-calendar-feed-name">{feed.name}</span>
            <Tag color={live ? 'green' : 'default'}>{t(live ? 'states.live' : 'states.revoked')}</Tag>
          </Flex>
          <div className="gz-calendar-feed-scope">
            {feed.engagement ? t('engagementScope', { name: feed.engagement.name }) : t('mine')}
          </div>
          <div className="gz-calendar-feed-meta">
            <span>{t('createdAt', { time: formatInstant(feed.createdAt, locale) })}</span>
            <span>
              {feed.lastReadAt ? t('lastReadAt', { time: formatInstant(feed.lastReadAt, locale) }) : t('neverRead')}
            </span>
            {feed.revokedAt ? <span>{t('revokedAt', { time: formatInstant(feed.revokedAt, locale) })}</span> : null}
          </div>
        </div>
        {live ? (
          <Popconfirm
            title={t('revokeConfirm', { name: feed.name })}
            description={t('revokeConsequence')}
            okText={t('revoke')}
            cancelText={t('cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => onRevoke(feed)}
          >
            <Button size="small" danger data-testid="revoke-calendar-feed">
              {t('revoke')}
            </Button>
          </Popconfirm>
        ) : null}
      </Flex>
    </li>
  );
}

/**
 * 日历订阅, the account page's card (its title from this feature's namespace): secret iCalendar
 * addresses for one's phone or computer calendar — list, create (address shown once), revoke.
 */
export function CalendarFeeds() {
  const { t } = useCalendarFeedsTranslation();
  const { message } = App.useApp();
  const feeds = useCalendarFeeds();
  const revoke = useRevokeCalendarFeed();
  const [creating, setCreating] = useState(false);
  const items = feeds.data?.items ?? [];
  const atLimit = items.filter((feed) => feed.revokedAt === null).length >= MAX_CALENDAR_FEEDS;

  const revokeFeed = (feed: CalendarFeed) =>
    revoke.mutateAsync(feed.id).then(
      () => void message.success(t('revoked', { name: feed.name })),
      () => undefined,
    );

  const list = () => {
    if (feeds.isError) return <ErrorAlert error={feeds.error} onRetry={() => void feeds.refetch()} />;
    if (feeds.isPending) return <BlockSkeleton rows={2} />;
    if (items.length === 0) return <EmptyState title={t('empty')} description={t('emptyHint')} />;
    return (
      <ul className="gz-plain-list" aria-label={t('title')}>
        {items.map((feed) => (
          <FeedRow key={feed.id} feed={feed} onRevoke={revokeFeed} />
        ))}
      </ul>
    );
  };

  return (
    <Card title={t('title')} data-testid="calendar-feeds">
      <Flex vertical gap={16}>
        <div className="gz-muted">{t('intro')}</div>
        <Flex align="center" gap={12} wrap>
          <Button
            type="primary"
            icon={<Icon name="plus" />}
            disabled={atLimit}
            onClick={() => setCreating(true)}
            data-testid="new-calendar-feed"
          >
            {t('new')}
          </Button>
          {atLimit ? <span className="gz-muted gz-small">{t('atLimit', { max: MAX_CALENDAR_FEEDS })}</span> : null}
        </Flex>
        {revoke.error ? <ErrorAlert error={revoke.error} compact /> : null}
        {list()}
        {creating ? <NewCalendarFeedDialog onClose={() => setCreating(false)} /> : null}
      </Flex>
    </Card>
  );
}
