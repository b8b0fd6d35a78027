import type { Question } from '@gongzhi/domain';
import { Tag } from 'antd';
import { useResearchTranslation } from '../utils/use-research-translation';

const TYPE_COLOR = { single: 'blue', multiple: 'geekblue', scale: 'purple', text: 'default' } as const;

/** A question's type tag, and what it asks for: its options, its scale, a text. */
export function QuestionSummary({ question, compact }: { question: Question; compact?: boolean }) {
  const { t } = useResearchTranslation();
  const tags = (
    <>
      <Tag color={TYPE_COLOR[question.type]} variant="outlined" className="gz-type-tag">
        {t(`questionType.${question.type}`)}
      </Tag>
      {question.required ? null : (
        <Tag variant="outlined" className="gz-type-tag">
          {t('question.optionalTag')}
        </Tag>
      )}
    </>
  );
  if (compact) return tags;
  return (
    <div className="gz-question-summary">
      {tags}
      <span className="gz-question-detail">
        {question.type === 'single' || question.type === 'multiple'
          ? question.options.join(t('summary.optionSeparator'))
          : question.type === 'scale'
            ? t('summary.scale', { points: question.points, low: question.lowLabel, high: question.highLabel })
            : t('summary.text')}
        {question.type === 'multiple' && question.maxChoices !== undefined ? (
          <span className="gz-question-limit">{t('summary.maxChoices', { n: question.maxChoices })}</span>
        ) : null}
      </span>
    </div>
  );
}
