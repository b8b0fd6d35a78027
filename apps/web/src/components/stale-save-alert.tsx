import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/errors';
import { Icon } from './icons';

/**
 * A save refused because someone saved a newer version meanwhile: what the API said, what to do,
 * and a button that loads the newest version (`onLoadLatest`) to edit on top of it.
 */
export function StaleSaveAlert({ error, hint, loadLabel, onLoadLatest, testId }: { error: unknown; hint: string; loadLabel: string; onLoadLatest: () => Promise<void>; testId: string }) {
  const { t: tc } = useTranslation();
  const [isReloading, setReloading] = useState(false);
  if (!error) return null;
  const described = describeError(error, tc);
  const loadLatest = async () => {
    setReloading(true);
    try {
      await onLoadLatest();
    } finally {
      setReloading(false);
    }
  };
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid={testId}
      title={described.title}
      description={hint}
      action={
        <Button size="small" icon={<Icon name="refresh" />} loading={isReloading} onClick={() => void loadLatest()} data-testid="load-latest">
          {loadLabel}
        </Button>
      }
    />
  );
}
