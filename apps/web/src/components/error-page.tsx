import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/errors';

/** A whole page that failed to load. */
export function ErrorPage({ error, onRetry, backTo, backLabel }: { error: unknown; onRetry?: () => void; backTo?: string; backLabel?: string }) {
  const { t } = useTranslation();
  const described = describeError(error, t);
  const isMissing = described.code === 'not_found' || described.code === 'forbidden';
  return (
    <Result
      status={isMissing ? '404' : 'error'}
      title={described.title}
      subTitle={
        <>
          {described.hint ? <div>{described.hint}</div> : null}
          {described.requestId ? <div style={{ fontSize: 12 }}>{t('errors.requestId', { id: described.requestId })}</div> : null}
        </>
      }
      extra={[
        onRetry && !isMissing ? (
          <Button key="retry" type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null,
        backTo ? (
          <Button key="back" href={backTo}>
            {backLabel ?? t('common.backHome')}
          </Button>
        ) : null,
      ]}
    />
  );
}
