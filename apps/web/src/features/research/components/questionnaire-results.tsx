import { Button, Card, Tag } from 'antd';
import { useState } from 'react';
import { EmptyState } from '../../../components/empty-state';
import type { Questionnaire, QuestionnaireQuestion, QuestionResult } from '../api/get-questionnaires';
import {
  type ChoiceResult,
  formatMean,
  percentOf,
  type ScaleResult,
  type TextResult,
  topOptions,
} from '../utils/results';
import { type ResearchT, useResearchTranslation } from '../utils/use-research-translation';

/** Text answers shown before 「显示全部」. */
const TEXTS_SHOWN = 5;

export interface BarRow {
  label: string;
  count: number;
  /** A second line under the label (a scale point's end label). */
  note?: string;
}

/**
 * Counts as horizontal bars, each with its count and its share of `total`: plain CSS, readable
 * from a phone to a projector. The largest bar is drawn darker.
 */
export function OptionBars({ rows, total, testId }: { rows: readonly BarRow[]; total: number; testId?: string }) {
  const { t } = useResearchTranslation();
  const max = Math.max(0, ...rows.map((row) => row.count));
  return (
    <ul className="gz-bars" data-testid={testId ?? 'option-bars'}>
      {rows.map((row) => {
        const percent = percentOf(row.count, total);
        return (
          <li
            key={row.label}
            className={`gz-bar-row ${max > 0 && row.count === max ? 'is-top' : ''}`}
            data-option={row.label}
            data-count={row.count}
          >
            <div className="gz-bar-label">
              {row.label}
              {row.note ? <span className="gz-bar-note">{row.note}</span> : null}
            </div>
            <div className="gz-bar-track" aria-hidden="true">
              <div className="gz-bar-fill" style={{ width: `${total > 0 ? (row.count / total) * 100 : 0}%` }} />
            </div>
            <div className="gz-bar-value gz-num">{t('results.countPercent', { count: row.count, percent })}</div>
          </li>
        );
      })}
    </ul>
  );
}

/** A community's name, or the whole street for responses that named none. */
const communityLabel = (community: { name: string } | null, t: ResearchT): string =>
  community?.name ?? t('results.wholeStreet');

function ChoiceChart({ result }: { result: ChoiceResult }) {
  const { t } = useResearchTranslation();
  return (
    <>
      <OptionBars
        rows={result.counts.map((item) => ({ label: item.option, count: item.count }))}
        total={result.answered}
      />
      {result.type === 'multiple' ? <div className="gz-results-footnote">{t('results.multipleNote')}</div> : null}
      {result.byCommunity.length > 1 ? (
        <div className="gz-by-community" data-testid="by-community">
          <div className="gz-by-community-title">{t('results.topByCommunity')}</div>
          <ul className="gz-plain-list">
            {result.byCommunity.map((row) => {
              const top = topOptions(row.counts);
              return (
                <li key={row.community?.key ?? 'street'} className="gz-by-community-row">
                  <span className="gz-by-community-name">{communityLabel(row.community, t)}</span>
                  <span className="gz-by-community-value">
                    {top.options.length > 0 ? (
                      <>
                        <strong>{top.options.join(t('results.tieSeparator'))}</strong>
                        <span className="gz-muted gz-num">
                          {' '}
                          {t('results.topShare', {
                            count: top.count,
                            answered: row.answered,
                            percent: percentOf(top.count, row.answered),
                          })}
                        </span>
                      </>
                    ) : (
                      <span className="gz-muted">{t('results.noAnswers')}</span>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </>
  );
}

function ScaleChart({ result, question }: { result: ScaleResult; question: QuestionnaireQuestion | undefined }) {
  const { t } = useResearchTranslation();
  const labels = question?.type === 'scale' ? question : null;
  const rows = result.counts.map((item, index) => ({
    label: t('results.scalePoint', { n: item.option }),
    count: item.count,
    note: labels
      ? index === 0
        ? labels.lowLabel
        : index === result.counts.length - 1
          ? labels.highLabel
          : undefined
      : undefined,
  }));
  return (
    <>
      <div className="gz-mean" data-testid="scale-mean">
        <span className="gz-mean-label">{t('results.mean')}</span>
        <span className="gz-mean-value gz-num">{result.mean === null ? '—' : formatMean(result.mean)}</span>
        <span className="gz-muted gz-num">{t('results.outOf', { points: result.points })}</span>
      </div>
      <OptionBars rows={rows} total={result.answered} />
      {result.byCommunity.length > 1 ? (
        <div className="gz-by-community" data-testid="by-community">
          <div className="gz-by-community-title">{t('results.meanByCommunity')}</div>
          <ul className="gz-bars gz-bars-compact">
            {result.byCommunity.map((row) => (
              <li key={row.community?.key ?? 'street'} className="gz-bar-row">
                <div className="gz-bar-label">{communityLabel(row.community, t)}</div>
                <div className="gz-bar-track" aria-hidden="true">
                  <div
                    className="gz-bar-fill is-mean"
                    style={{ width: `${row.mean === null ? 0 : (row.mean / result.points) * 100}%` }}
                  />
                </div>
                <div className="gz-bar-value gz-num">
                  {row.mean === null
                    ? t('results.noAnswers')
                    : t('results.meanOf', { mean: formatMean(row.mean), count: row.answered })}
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

function TextAnswers({ result }: { result: TextResult }) {
  const { t } = useResearchTranslation();
  const [isAll, setAll] = useState(false);
  if (result.texts.length === 0) return <div className="gz-muted">{t('results.noAnswers')}</div>;
  const shown = isAll ? result.texts : result.texts.slice(0, TEXTS_SHOWN);
  return (
    <>
      <ul className="gz-text-answers" data-testid="text-answers">
        {shown.map((text, index) => (
          <li key={index}>{text}</li>
        ))}
      </ul>
      {result.texts.length > TEXTS_SHOWN ? (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setAll(!isAll)}>
          {isAll ? t('results.showFewer') : t('results.showAll', { count: result.texts.length })}
        </Button>
      ) : null}
      {result.answered > result.texts.length ? (
        <div className="gz-results-footnote">{t('results.latestTexts', { count: result.texts.length })}</div>
      ) : null}
    </>
  );
}

function QuestionResultCard({
  index,
  question,
  result,
}: {
  index: number;
  question: QuestionnaireQuestion | undefined;
  result: QuestionResult;
}) {
  const { t } = useResearchTranslation();
  return (
    <Card size="small" className="gz-result-card" data-testid="question-result" data-question={result.key}>
      <div className="gz-result-head">
        <h3 className="gz-result-title">
          <span className="gz-question-no gz-num">{index + 1}.</span>
          <span className="gz-result-text">{question?.text ?? result.key}</span>
        </h3>
        <div className="gz-result-meta">
          <Tag variant="outlined">{t(`questionType.${result.type}`)}</Tag>
          <span className="gz-muted gz-num" data-testid="answered">
            {t('results.answered', { count: result.answered })}
          </span>
        </div>
      </div>
      {result.type === 'text' ? (
        <TextAnswers result={result} />
      ) : result.type === 'scale' ? (
        <ScaleChart result={result} question={question} />
      ) : (
        <ChoiceChart result={result} />
      )}
    </Card>
  );
}

/** How many responses each community gave (and those for the whole street). */
export function CommunityResponses({ results }: { results: Questionnaire['results'] }) {
  const { t } = useResearchTranslation();
  const rows = [...results.byCommunity]
    .sort((a, b) => b.responses - a.responses)
    .map((row) => ({ label: communityLabel(row.community, t), count: row.responses }));
  return (
    <Card size="small" title={t('results.byCommunityTitle')} data-testid="community-responses">
      <OptionBars rows={rows} total={results.responses} testId="community-bars" />
    </Card>
  );
}

/**
 * The results of every response: per question its bars with percentages (single, multiple, scale
 * with its mean), text answers as a list; and per community how many answered, the mean score and
 * the most chosen option.
 */
export function QuestionnaireResults({
  questionnaire,
}: {
  questionnaire: Pick<Questionnaire, 'questions' | 'results' | 'status' | 'can'>;
}) {
  const { t } = useResearchTranslation();
  const { results } = questionnaire;
  if (results.responses === 0) {
    return (
      <Card size="small">
        <EmptyState
          title={t('results.emptyTitle')}
          description={
            questionnaire.can.issueLinks || questionnaire.can.enterResponse
              ? t('results.emptyHint')
              : t('results.emptyHintReadOnly')
          }
        />
      </Card>
    );
  }
  const byKey = new Map(questionnaire.questions.map((question) => [question.key, question]));
  return (
    <div className="gz-stack" data-testid="questionnaire-results">
      <CommunityResponses results={results} />
      {results.questions.map((result, index) => (
        <QuestionResultCard key={result.key} index={index} question={byKey.get(result.key)} result={result} />
      ))}
    </div>
  );
}
