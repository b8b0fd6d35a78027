import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/errors';
import { Icon } from './icons';

/** An error inline (in a card, above a form): the API's message, what to do, and a retry. */
export function ErrorAlert({ error, onRetry, compact }: { error: unknown; onRetry?: () => void; compact?: boolean }) {
  const { t } = useTranslation();
  const described = describeError(error, t);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={described.title}
      description={
        compact && !described.hint ? undefined : (
          <>
            {described.hint ? <div>{described.hint}</div> : null}
            {described.requestId ? (
              <div className="gz-muted gz-small">{t('errors.requestId', { id: described.requestId })}</div>
            ) : null}
          </>
        )
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry} icon={<Icon name="refresh" />}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
