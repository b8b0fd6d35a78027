import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons';
import { formatBytes, formatInstant } from '../../../lib/dates';
import { useLocalized } from '../../../lib/i18n';
import type { DeliverableDetail } from '../api/get-deliverable';

/**
 * Files uploaded since the last submission. The newest is the one completing the task submits;
 * the list says so, so nobody wonders which version the partner will read.
 */
export function PendingUploads({ uploads }: { uploads: DeliverableDetail['uploads'] }) {
  const { t } = useTranslation();
  const { locale } = useLocalized();
  if (uploads.length === 0) return null;
  return (
    <ul className="gz-plain-list gz-uploads" aria-label={t('upload.pending')} data-testid="pending-uploads">
      {uploads.map((upload, index) => (
        <li key={`${upload.sha256}-${upload.uploadedAt}`} className="gz-revision-file" data-sha256={upload.sha256}>
          <Icon name="file" />
          <span className="gz-ellipsis" title={upload.fileName}>
            {upload.fileName}
          </span>
          <span className="gz-muted gz-small gz-num">{formatBytes(upload.sizeBytes)}</span>
          <span className="gz-muted gz-small">
            {upload.uploadedBy.displayName} · {formatInstant(upload.uploadedAt, locale)}
          </span>
          {index === 0 ? (
            <Tag color="processing" variant="outlined" data-testid="upload-to-submit">
              {t('upload.toSubmit')}
            </Tag>
          ) : (
            <Tag variant="outlined">{t('upload.replaced')}</Tag>
          )}
        </li>
      ))}
    </ul>
  );
}
