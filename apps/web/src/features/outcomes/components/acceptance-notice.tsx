import { Alert } from 'antd';
import { Link } from 'react-router';
import { useOutcomesTranslation } from '../utils/use-outcomes-translation';

/**
 * On the client's acceptance task (委托方项目验收): the outcomes page is what the project is accepted
 * on, so the task points to it.
 */
export function OutcomesAcceptanceNotice({ engagementId }: { engagementId: string }) {
  const { t } = useOutcomesTranslation();
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="task-outcomes-notice"
      title={
        <Link to={`/engagements/${engagementId}?tab=outcomes`} data-testid="task-outcomes-link">
          {t('acceptance.link')}
        </Link>
      }
      description={t('acceptance.hint')}
    />
  );
}
