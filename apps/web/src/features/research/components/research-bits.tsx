import type { QuestionnaireStatus, RespondentAudience } from '@gongzhi/domain';
import { Tag } from 'antd';
import { useResearchTranslation } from '../utils/use-research-translation';

/** 收集中 (open) or 已结束 (closed). */
export function QuestionnaireStatusTag({ status }: { status: QuestionnaireStatus }) {
  const { t } = useResearchTranslation();
  return (
    <Tag
      color={status === 'open' ? 'green' : 'default'}
      variant="outlined"
      data-status={status}
      data-testid="questionnaire-status"
    >
      {t(`status.${status}`)}
    </Tag>
  );
}

export function VersionLabel({ version }: { version: number }) {
  const { t } = useResearchTranslation();
  return <span className="gz-kb-version gz-num">{t('versionN', { n: version })}</span>;
}

/** Whom a questionnaire asks. */
export function AudienceTag({ audience }: { audience: RespondentAudience }) {
  const { t } = useResearchTranslation();
  return (
    <Tag color="blue" variant="outlined" data-testid="audience-tag">
      {t(`audience.${audience}`)}
    </Tag>
  );
}
