import { App, Button, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { Icon } from '../../../components/icons';
import { describeError } from '../../../lib/errors';
import { formatBytes, formatInstant } from '../../../lib/dates';
import { useLocalized } from '../../../lib/i18n';
import { CONVERTIBLE_MIME_TYPES, useDownloadRevision, useDownloadRevisionPdf } from '../api/download-revision';
import type { Revision } from '../api/get-deliverable';

const revisionColor: Record<Revision['status'], string> = {
  submitted: 'purple',
  changes_requested: 'warning',
  approved: 'success',
  superseded: 'default',
};

/** Every revision, newest first, each downloadable, with its uploader's note. */
export function RevisionsList({ deliverableId, revisions }: { deliverableId: string; revisions: readonly Revision[] }) {
  const { t } = useTranslation();
  const { locale } = useLocalized();
  const { message } = App.useApp();
  const download = useDownloadRevision();
  const downloadPdf = useDownloadRevisionPdf();
  if (revisions.length === 0) return <EmptyState title={t('deliverable.noRevisions')} description={t('deliverable.noRevisionsHint')} />;
  return (
    <ol className="gz-revisions" aria-label={t('deliverable.revisions')}>
      {revisions.map((revision) => (
        <li key={revision.revision} className="gz-revision" data-revision={revision.revision}>
          <div className="gz-revision-head">
            <strong>{t('deliverable.revisionN', { n: revision.revision })}</strong>
            <Tag color={revisionColor[revision.status]} variant="outlined">
              {t(`status.revision.${revision.status}`)}
            </Tag>
            <span className="gz-muted gz-small">
              {revision.submittedBy.displayName} · {formatInstant(revision.submittedAt, locale)}
            </span>
          </div>
          <div className="gz-revision-file">
            <Icon name="file" />
            <span className="gz-ellipsis" title={revision.fileName}>
              {revision.fileName}
            </span>
            <span className="gz-muted gz-small gz-num">{formatBytes(revision.sizeBytes)}</span>
            <Button
              size="small"
              type="link"
              icon={<Icon name="download" />}
              loading={download.isPending && download.variables?.revision === revision.revision}
              onClick={() =>
                download.mutate(
                  { deliverableId, revision: revision.revision, fallbackName: revision.fileName },
                  { onError: (error) => void message.error(describeError(error, t).title) },
                )
              }
              data-testid={`download-revision-${revision.revision}`}
            >
              {t('deliverable.download')}
            </Button>
            {CONVERTIBLE_MIME_TYPES.includes(revision.mimeType) ? (
              <Button
                size="small"
                type="link"
                icon={<Icon name="file" />}
                loading={downloadPdf.isPending && downloadPdf.variables?.revision === revision.revision}
                onClick={() =>
                  downloadPdf.mutate(
                    { deliverableId, revision: revision.revision, fallbackName: revision.fileName },
                    { onError: (error) => void message.error(describeError(error, t).title) },
                  )
                }
                data-testid={`download-pdf-${revision.revision}`}
              >
                {t('deliverable.downloadPdf')}
              </Button>
            ) : null}
          </div>
          {revision.note ? <div className="gz-revision-note">{revision.note}</div> : null}
          <div className="gz-muted gz-small gz-mono" title={t('deliverable.sha256')}>
            SHA-256 {revision.sha256.slice(0, 16)}…
          </div>
        </li>
      ))}
    </ol>
  );
}
