import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLiveStatus } from './live-updates-provider';

export function LiveIndicator() {
  const { t } = useTranslation();
  const { status, streams } = useLiveStatus();
  return (
    <Tooltip title={t(`live.${status}Hint`, { count: streams })}>
      <span className={`gz-live gz-live-${status}`} data-testid="live-indicator" data-status={status}>
        <span className="gz-live-dot" aria-hidden />
        <span className="gz-live-label">{t(`live.${status}`)}</span>
      </span>
    </Tooltip>
  );
}
