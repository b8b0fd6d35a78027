import { adoptionStatusLabels } from '@gongzhi/domain';
import { Flex, Tag } from 'antd';
import type { KeyboardEvent } from 'react';
import { useLocalized } from '../../../lib/i18n';
import type { Adoption, MeetingFigures, MeetingVerdict } from '../api/adoptions';
import {
  AREA_FIELDS,
  type FigureField,
  figureRows,
  formatArea,
  STATUS_COLORS,
  VERDICT_COLORS,
} from '../utils/adoptions';
import { type AdoptionsT, useAdoptionsTranslation } from '../utils/use-adoptions-translation';

/** Its status, what is put to the vote and, for an owners' matter, which kind (the threshold). */
export function AdoptionTags({ adoption }: { adoption: Pick<Adoption, 'status' | 'instrument' | 'matter'> }) {
  const { t } = useAdoptionsTranslation();
  const { text } = useLocalized();
  return (
    <Flex gap={4} wrap component="span">
      <Tag
        color={STATUS_COLORS[adoption.status]}
        variant="outlined"
        data-status={adoption.status}
        data-testid="adoption-status"
      >
        {text(adoptionStatusLabels[adoption.status])}
      </Tag>
      <Tag data-testid="adoption-instrument">{t(`instrument.${adoption.instrument}`)}</Tag>
      {adoption.matter ? <Tag data-testid="adoption-matter">{t(`matter.${adoption.matter}`)}</Tag> : null}
    </Flex>
  );
}

export function VerdictTag({ verdict }: { verdict: MeetingVerdict }) {
  const { t } = useAdoptionsTranslation();
  return (
    <Tag color={VERDICT_COLORS[verdict]} data-testid="adoption-verdict-tag" data-verdict={verdict}>
      {t(`verdict.${verdict}`)}
    </Tag>
  );
}

/** One figure with its unit: `420 人`, `263 票`, `12,000.5 平方米`. */
export function figureValue(t: AdoptionsT, field: FigureField, value: number): string {
  if (AREA_FIELDS.has(field)) return t('unit.area', { value: formatArea(value) });
  const isVote = field === 'votesFor' || field === 'votesAgainst' || field === 'abstentions';
  return t(isVote ? 'unit.votes' : 'unit.people', { value: value.toLocaleString('en-US') });
}

/** A meeting's figures as the minutes give them: label and value pairs that wrap on a phone. */
export function FiguresList({ figures }: { figures: MeetingFigures }) {
  const { t } = useAdoptionsTranslation();
  return (
    <dl className="gz-adoption-figures" data-testid="adoption-figures">
      {figureRows(figures).map(({ field, value }) => (
        <div key={field} className="gz-adoption-figure" data-field={field}>
          <dt>{t(`figures.${field}`)}</dt>
          <dd className="gz-num">{figureValue(t, field, value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * One procedure in the list: a block that opens its detail, stacked so it reads on a phone — title
 * and tags, then community, the current notice, votes and filing.
 */
export function AdoptionRow({ adoption, onOpen }: { adoption: Adoption; onOpen: () => void }) {
  const { t } = useAdoptionsTranslation();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen();
    }
  };
  const last = adoption.meetings.at(-1);
  return (
    <div
      className="gz-adoption-row"
      role="button"
      tabIndex={0}
      onClick={onOpen}
      onKeyDown={onKeyDown}
      data-testid="adoption-row"
      data-adoption-id={adoption.id}
      data-status={adoption.status}
    >
      <Flex justify="space-between" align="start" gap={8} wrap>
        <span className="gz-adoption-title">{adoption.title}</span>
        <AdoptionTags adoption={adoption} />
      </Flex>
      <div className="gz-adoption-meta">
        <span className="gz-adoption-community" data-testid="adoption-community">
          {adoption.community.name}
        </span>
        <span className="gz-num" data-testid="adoption-notice">
          {t('notice', { from: adoption.notice.from, to: adoption.notice.to })}
          {adoption.notice.round > 1 ? ` · ${t('noticeRound', { round: adoption.notice.round })}` : null}
        </span>
        <span className="gz-adoption-location">{t('noticeAt', { location: adoption.notice.location })}</span>
        <span data-testid="adoption-meetings">
          {adoption.meetings.length === 0 ? t('noMeetings') : t('meetings', { count: adoption.meetings.length })}
          {last ? (
            <span style={{ marginInlineStart: 6 }}>
              <VerdictTag verdict={last.verdict} />
            </span>
          ) : null}
        </span>
        {adoption.filing ? (
          <span className="gz-num" data-testid="adoption-filing">
            {t('filed', { date: adoption.filing.filedOn, office: adoption.filing.filedWith })}
            {adoption.filing.filingNo ? ` · ${t('filingNo', { no: adoption.filing.filingNo })}` : null}
          </span>
        ) : null}
      </div>
    </div>
  );
}
