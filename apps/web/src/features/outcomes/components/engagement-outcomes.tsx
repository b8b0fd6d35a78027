import { outcomeEventKindLabels, tierLabels, workLogHours } from '@gongzhi/domain';
import { Button, Card, Flex, Grid, Statistic, Table, Tag, Typography } from 'antd';
import { type HTMLAttributes, type ReactNode, useState } from 'react';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import { BlockSkeleton } from '../../../components/loading';
import { useLocalized } from '../../../lib/i18n';
import {
  type EngagementOutcomes as Outcomes,
  type OutcomeConvention,
  type OutcomeDeliverable,
  type OutcomeEvent,
  type OutcomeTier,
  useDownloadOutcomesWorkbook,
  useEngagementOutcomes,
} from '../api/outcomes';
import { conventionSummary, formatPercent, hotlineChange, invalidReason, resolutionRate } from '../utils/outcomes';
import { type OutcomesT, useOutcomesTranslation } from '../utils/use-outcomes-translation';

const GOOD = '#389e0d';
const BAD = '#cf1322';
/** On a phone, a long list shows this many rows until asked for all. */
const PHONE_ROWS = 10;
const TABLE_PAGE = 10;

/**
 * 项目成效: what the engagement achieved, from its own records — the evidence the client's contact
 * accepts the project on. Headline figures first, then each one's detail: the convention votes
 * (validity under Art. 9) and filing, cases by tier, promotion events, the joint enforcement
 * mechanism and the approved deliverables. Tables at the desk, stacked rows on a phone.
 */
export function EngagementOutcomes({ engagementId }: { engagementId: string }) {
  const { t } = useOutcomesTranslation();
  const isNarrow = !Grid.useBreakpoint().md;
  const outcomes = useEngagementOutcomes(engagementId);
  const download = useDownloadOutcomesWorkbook(engagementId);
  if (outcomes.isPending) return <BlockSkeleton rows={8} />;
  if (outcomes.isError) return <ErrorAlert error={outcomes.error} onRetry={() => void outcomes.refetch()} />;
  const data = outcomes.data;

  return (
    <div className="gz-stack" data-testid="engagement-outcomes">
      <Card size="small">
        <Flex justify="space-between" align="start" gap={12} wrap>
          <div style={{ flex: '1 1 320px', minWidth: 0 }}>
            <Typography.Text strong data-testid="outcomes-lead">
              {t('lead', { asOf: data.asOf })}
            </Typography.Text>
            <div className="gz-muted gz-small" style={{ marginTop: 2 }}>
              {t('leadHint')}
            </div>
          </div>
          <Button icon={<Icon name="download" />} loading={download.isPending} onClick={() => download.mutate()} data-testid="outcomes-export">
            {t('export')}
          </Button>
        </Flex>
        {download.error ? (
          <div style={{ marginTop: 12 }}>
            <ErrorAlert error={download.error} compact />
          </div>
        ) : null}
      </Card>
      <HeadlineFigures data={data} />
      <ConventionsSection data={data} isNarrow={isNarrow} />
      <TiersSection data={data} isNarrow={isNarrow} />
      <EventsSection data={data} isNarrow={isNarrow} />
      <DepartmentsSection data={data} />
      <DeliverablesSection data={data} isNarrow={isNarrow} />
    </div>
  );
}

function Figure({ testId, title, value, suffix, sub, color }: { testId: string; title: ReactNode; value: number | string; suffix?: ReactNode; sub: ReactNode; color?: string }) {
  return (
    <Card size="small" data-testid={testId} className="gz-outcome-figure">
      <Statistic title={title} value={value} suffix={suffix} styles={{ content: color ? { color } : {} }} />
      <div className="gz-small gz-muted gz-num gz-outcome-sub">{sub}</div>
    </Card>
  );
}

/** Eight headline figures: four a row at the desk, two on a phone (`gz-kpis`). */
function HeadlineFigures({ data }: { data: Outcomes }) {
  const { t } = useOutcomesTranslation();
  const conventions = conventionSummary(data);
  const { hotline } = data;
  const change = hotline ? hotlineChange(hotline) : null;
  return (
    <div className="gz-kpis" data-testid="outcome-figures">
      <Figure testId="outcome-deliverables" title={t('cards.deliverables')} value={data.deliverables.approved} suffix={`/ ${data.deliverables.total}`} sub={t('cards.deliverablesSub')} />
      <Figure testId="outcome-departments" title={t('cards.departments')} value={data.departments.inMechanism.length} sub={t('cards.departmentsSub', { count: data.departments.consulted.length })} />
      <Figure
        testId="outcome-conventions"
        title={t('cards.conventions')}
        value={conventions.adopted}
        suffix={`/ ${data.communities.length}`}
        sub={t('cards.conventionsSub', { filed: conventions.filed })}
      />
      <Figure testId="outcome-trainings" title={t('cards.trainings')} value={data.trainings.sessions} sub={t('cards.trainingsSub', { attendance: data.trainings.attendance })} />
      <Figure
        testId="outcome-events"
        title={t('cards.events')}
        value={data.events.held}
        sub={t('cards.eventsSub', { participants: data.events.participants, households: data.events.householdsReached })}
      />
      <Figure
        testId="outcome-cases"
        title={t('cards.cases')}
        value={data.cases.resolved}
        suffix={`/ ${data.cases.reported}`}
        sub={t('cards.casesSub', { rate: formatPercent(resolutionRate(data.cases)), households: data.cases.modelHouseholds })}
      />
      <Figure
        testId="outcome-hotline"
        title={
          <Flex gap={6} align="center" wrap>
            <span>{t('cards.hotline')}</span>
            {hotline?.unverified ? (
              <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="outcome-hotline-unverified">
                {t('unverified')}
              </Tag>
            ) : null}
          </Flex>
        }
        value={hotline ? `${hotline.before} → ${hotline.after}` : '—'}
        suffix={
          hotline && change !== null ? (
            <span className="gz-outcome-change" style={{ color: change < 0 ? GOOD : change > 0 ? BAD : undefined }}
              data-trend={change < 0 ? 'down' : change > 0 ? 'up' : 'flat'}
              data-testid="outcome-hotline-change"
            >
              {formatPercent(change, { digits: 1, signed: true })}
            </span>
          ) : undefined
        }
        sub={hotline ? t('cards.hotlineSub', { months: hotline.months }) : t('cards.hotlineNone')}
      />
      <Figure
        testId="outcome-service"
        title={t('cards.service')}
        value={workLogHours(data.service.minutes)}
        suffix={t('hours')}
        sub={t('cards.serviceSub', { entries: data.service.entries, consultations: data.service.consultations })}
      />
    </div>
  );
}

function Section({ testId, title, hint, children }: { testId: string; title: string; hint?: string; children: ReactNode }) {
  return (
    <Card size="small" title={title} data-testid={testId}>
      {hint ? (
        <div className="gz-muted gz-small" style={{ marginBottom: 10 }}>
          {hint}
        </div>
      ) : null}
      {children}
    </Card>
  );
}

/** Nothing recorded, said plainly (never a table of zeros). */
function NoRecords({ text }: { text: string }) {
  return (
    <div className="gz-muted gz-outcome-empty" data-testid="outcome-empty">
      {text}
    </div>
  );
}

/** Stacked rows on a phone: the first few, then all on request. */
function PhoneRows<Row>({ rows, rowKey, render, t }: { rows: readonly Row[]; rowKey: (row: Row, index: number) => string; render: (row: Row) => ReactNode; t: OutcomesT }) {
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, PHONE_ROWS);
  return (
    <>
      <div className="gz-outcome-rows">
        {shown.map((row, index) => (
          <div key={rowKey(row, index)} className="gz-outcome-row">
            {render(row)}
          </div>
        ))}
      </div>
      {shown.length < rows.length ? (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setAll(true)}>
          {t('showAll', { count: rows.length })}
        </Button>
      ) : null}
    </>
  );
}

const pagination = (count: number) => (count > TABLE_PAGE ? { pageSize: TABLE_PAGE, showSizeChanger: false } : false);

function VoteResult({ convention }: { convention: OutcomeConvention }) {
  const { t } = useOutcomesTranslation();
  if (convention.valid) {
    return (
      <Tag color="success" title={t('conventions.validHint')} data-testid="convention-valid">
        {t('conventions.valid')}
      </Tag>
    );
  }
  const reason = invalidReason(convention);
  return (
    <Tag color="error" data-testid="convention-invalid">
      {t('conventions.invalid')}
      {reason ? ` · ${t(`conventions.${reason}`)}` : ''}
    </Tag>
  );
}

function Filing({ convention }: { convention: OutcomeConvention }) {
  const { t } = useOutcomesTranslation();
  if (!convention.filedOn) return <Tag data-testid="convention-not-filed">{t('conventions.notFiled')}</Tag>;
  return (
    <span data-testid="convention-filed">
      <span className="gz-num">{t('conventions.filedOn', { date: convention.filedOn })}</span>
      {convention.filingNo ? <div className="gz-small gz-muted">{convention.filingNo}</div> : null}
    </span>
  );
}

function ConventionsSection({ data, isNarrow }: { data: Outcomes; isNarrow: boolean }) {
  const { t } = useOutcomesTranslation();
  const { pending } = conventionSummary(data);
  const place = (convention: OutcomeConvention) => convention.community?.name ?? t('wholeStreet');
  const rows = data.conventions;
  const key = (convention: OutcomeConvention, index: number) => `${convention.community?.key ?? '-'}-${convention.adoptedOn}-${index}`;
  const count = (value: number) => <span className="gz-num">{value}</span>;
  return (
    <Section testId="outcomes-conventions" title={t('conventions.title')} hint={t('conventions.hint')}>
      {rows.length === 0 ? (
        <NoRecords text={t('conventions.empty')} />
      ) : isNarrow ? (
        <PhoneRows
          t={t}
          rows={rows}
          rowKey={key}
          render={(convention) => (
            <div data-testid="convention-row" data-community={convention.community?.key ?? ''}>
              <Flex justify="space-between" align="start" gap={8}>
                <Typography.Text strong>{place(convention)}</Typography.Text>
                <VoteResult convention={convention} />
              </Flex>
              <div className="gz-small gz-muted gz-num">{t('conventions.votedOn', { date: convention.adoptedOn })}</div>
              <div className="gz-small gz-num">
                {t('conventions.figures', {
                  eligible: convention.eligible,
                  attendees: convention.attendees,
                  votesFor: convention.votesFor,
                  votesAgainst: convention.votesAgainst,
                  abstentions: convention.abstentions,
                })}
              </div>
              <div className="gz-small" style={{ marginTop: 4 }}>
                <Filing convention={convention} />
              </div>
            </div>
          )}
        />
      ) : (
        <Table<OutcomeConvention>
          rowKey={(convention) => key(convention, rows.indexOf(convention))}
          size="small"
          pagination={pagination(rows.length)}
          scroll={{ x: 'max-content' }}
          dataSource={rows}
          onRow={(convention) => ({ 'data-testid': 'convention-row', 'data-community': convention.community?.key ?? '' }) as HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'community', title: t('conventions.community'), render: (_, convention) => place(convention) },
            { key: 'adoptedOn', title: t('conventions.adoptedOn'), render: (_, convention) => <span className="gz-num">{convention.adoptedOn}</span> },
            { key: 'eligible', title: t('conventions.eligible'), align: 'right', render: (_, convention) => count(convention.eligible) },
            { key: 'attendees', title: t('conventions.attendees'), align: 'right', render: (_, convention) => count(convention.attendees) },
            { key: 'votesFor', title: t('conventions.votesFor'), align: 'right', render: (_, convention) => count(convention.votesFor) },
            { key: 'votesAgainst', title: t('conventions.votesAgainst'), align: 'right', render: (_, convention) => count(convention.votesAgainst) },
            { key: 'abstentions', title: t('conventions.abstentions'), align: 'right', render: (_, convention) => count(convention.abstentions) },
            { key: 'result', title: t('conventions.result'), render: (_, convention) => <VoteResult convention={convention} /> },
            { key: 'filing', title: t('conventions.filing'), render: (_, convention) => <Filing convention={convention} /> },
          ]}
        />
      )}
      {pending.length > 0 ? (
        <div className="gz-outcome-pending" data-testid="conventions-pending">
          <Tag>{t('conventions.pending')}</Tag>
          <span>{t('conventions.pendingList', { count: pending.length, names: pending.map((community) => community.name).join(t('listSeparator')) })}</span>
        </div>
      ) : null}
    </Section>
  );
}

function TiersSection({ data, isNarrow }: { data: Outcomes; isNarrow: boolean }) {
  const { t } = useOutcomesTranslation();
  const { text } = useLocalized();
  const { cases } = data;
  const days = (tier: OutcomeTier) => (tier.averageDays === null ? '—' : t('tiers.days', { days: Math.round(tier.averageDays * 10) / 10 }));
  const summary = t('tiers.summary', { reported: cases.reported, resolved: cases.resolved, households: cases.modelHouseholds });
  return (
    <Section testId="outcomes-tiers" title={t('tiers.title')}>
      {cases.reported === 0 ? (
        <NoRecords text={t('tiers.empty')} />
      ) : isNarrow ? (
        <PhoneRows
          t={t}
          rows={cases.tiers}
          rowKey={(tier) => tier.tier}
          render={(tier) => (
            <div data-testid="tier-row" data-tier={tier.tier}>
              <Typography.Text strong>{text(tierLabels[tier.tier])}</Typography.Text>
              <div className="gz-small gz-num">{t('tiers.phoneLine', { reached: tier.reached, resolved: tier.resolved, days: days(tier) })}</div>
            </div>
          )}
        />
      ) : (
        <Table<OutcomeTier>
          rowKey="tier"
          size="small"
          pagination={false}
          dataSource={cases.tiers}
          onRow={(tier) => ({ 'data-testid': 'tier-row', 'data-tier': tier.tier }) as HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'tier', title: t('tiers.tier'), render: (_, tier) => text(tierLabels[tier.tier]) },
            { key: 'reached', title: t('tiers.reached'), align: 'right', width: 120, render: (_, tier) => <span className="gz-num">{tier.reached}</span> },
            { key: 'resolved', title: t('tiers.resolved'), align: 'right', width: 120, render: (_, tier) => <span className="gz-num">{tier.resolved}</span> },
            { key: 'days', title: t('tiers.averageDays'), align: 'right', width: 180, render: (_, tier) => <span className="gz-num">{days(tier)}</span> },
          ]}
        />
      )}
      {cases.reported > 0 || cases.modelHouseholds > 0 ? (
        <div className="gz-muted gz-small gz-num" style={{ marginTop: 8 }}>
          {summary}
        </div>
      ) : null}
    </Section>
  );
}

function EventsSection({ data, isNarrow }: { data: Outcomes; isNarrow: boolean }) {
  const { t } = useOutcomesTranslation();
  const { text } = useLocalized();
  const { items } = data.events;
  const place = (event: OutcomeEvent) => event.community?.name ?? t('wholeStreet');
  const key = (event: OutcomeEvent, index: number) => `${event.date}-${event.kind}-${event.community?.key ?? '-'}-${index}`;
  return (
    <Section testId="outcomes-events" title={t('events.title')}>
      {items.length === 0 ? (
        <NoRecords text={t('events.empty')} />
      ) : isNarrow ? (
        <PhoneRows
          t={t}
          rows={items}
          rowKey={key}
          render={(event) => (
            <div data-testid="event-row">
              <Flex justify="space-between" align="start" gap={8}>
                <Typography.Text strong>{text(outcomeEventKindLabels[event.kind])}</Typography.Text>
                <span className="gz-num gz-nowrap">{t('events.participantsValue', { count: event.participants })}</span>
              </Flex>
              <div className="gz-small gz-muted gz-num">
                {event.date} · {place(event)}
              </div>
              {event.theme ? <div className="gz-small gz-outcome-wrap">{event.theme}</div> : null}
            </div>
          )}
        />
      ) : (
        <Table<OutcomeEvent>
          rowKey={(event) => key(event, items.indexOf(event))}
          size="small"
          pagination={pagination(items.length)}
          dataSource={items}
          onRow={() => ({ 'data-testid': 'event-row' }) as HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'date', title: t('events.date'), width: 110, render: (_, event) => <span className="gz-num">{event.date}</span> },
            { key: 'community', title: t('events.community'), width: 140, render: (_, event) => place(event) },
            { key: 'kind', title: t('events.kind'), width: 120, render: (_, event) => text(outcomeEventKindLabels[event.kind]) },
            { key: 'theme', title: t('events.theme'), render: (_, event) => event.theme ?? '—' },
            { key: 'participants', title: t('events.participants'), align: 'right', width: 100, render: (_, event) => <span className="gz-num">{event.participants}</span> },
          ]}
        />
      )}
      {data.events.householdsReached > 0 ? (
        <div className="gz-muted gz-small gz-num" style={{ marginTop: 8 }} data-testid="events-households">
          {t('events.households', { households: data.events.householdsReached })}
        </div>
      ) : null}
    </Section>
  );
}

function DepartmentsSection({ data }: { data: Outcomes }) {
  const { t } = useOutcomesTranslation();
  const { inMechanism, consulted } = data.departments;
  const consultedKeys = new Set(consulted.map((department) => department.key));
  const mechanismKeys = new Set(inMechanism.map((department) => department.key));
  const outside = consulted.filter((department) => !mechanismKeys.has(department.key));
  return (
    <Section testId="outcomes-departments" title={t('departments.title')} hint={inMechanism.length > 0 ? t('departments.hint') : undefined}>
      {inMechanism.length === 0 ? <NoRecords text={t('departments.empty')} /> : null}
      {inMechanism.length + outside.length > 0 ? (
        <div className="gz-outcome-departments">
          {inMechanism.map((department) => {
            const met = consultedKeys.has(department.key);
            return (
              <div key={department.key} className="gz-outcome-department" data-testid="department-row" data-consulted={met}>
                <span className="gz-outcome-wrap">{department.name}</span>
                <Tag color={met ? 'success' : undefined} style={{ marginInlineEnd: 0 }}>
                  {met ? t('departments.consulted') : t('departments.notConsulted')}
                </Tag>
              </div>
            );
          })}
          {outside.map((department) => (
            <div key={department.key} className="gz-outcome-department" data-testid="department-row" data-consulted="true" data-outside="true">
              <span className="gz-outcome-wrap gz-muted">{department.name}</span>
              <Tag style={{ marginInlineEnd: 0 }}>{t('departments.outsideMechanism')}</Tag>
            </div>
          ))}
        </div>
      ) : null}
    </Section>
  );
}

function DeliverablesSection({ data, isNarrow }: { data: Outcomes; isNarrow: boolean }) {
  const { t } = useOutcomesTranslation();
  const { text } = useLocalized();
  const { items } = data.deliverables;
  const place = (item: OutcomeDeliverable) => item.community?.name ?? t('wholeEngagement');
  const key = (item: OutcomeDeliverable, index: number) => `${item.title.zh}-${item.community?.key ?? '-'}-${index}`;
  return (
    <Section testId="outcomes-deliverables" title={t('deliverables.title')}>
      {items.length === 0 ? (
        <NoRecords text={t('deliverables.empty')} />
      ) : isNarrow ? (
        <PhoneRows
          t={t}
          rows={items}
          rowKey={key}
          render={(item) => (
            <div data-testid="deliverable-row">
              <div className="gz-outcome-wrap">{text(item.title)}</div>
              <div className="gz-small gz-muted gz-num">
                {place(item)} · {t('deliverables.approvedOnValue', { date: item.approvedOn })}
              </div>
            </div>
          )}
        />
      ) : (
        <Table<OutcomeDeliverable>
          rowKey={(item) => key(item, items.indexOf(item))}
          size="small"
          pagination={pagination(items.length)}
          dataSource={items}
          onRow={() => ({ 'data-testid': 'deliverable-row' }) as HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'title', title: t('deliverables.name'), render: (_, item) => text(item.title) },
            { key: 'community', title: t('deliverables.community'), width: 160, render: (_, item) => place(item) },
            { key: 'approvedOn', title: t('deliverables.approvedOn'), width: 120, render: (_, item) => <span className="gz-num">{item.approvedOn}</span> },
          ]}
        />
      )}
    </Section>
  );
}
