import { App, Button, Flex, Input, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import { formatBytes } from '../../../lib/dates';
import { ACCEPTED_FILE_TYPES, checkUploadFile, useUploadRevision } from '../api/upload-revision';

/** Choose a file, add a note, upload: the new revision is a draft until the task is submitted. */
export function UploadRevisionForm({ deliverableId, nextRevision }: { deliverableId: string; nextRevision: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const upload = useUploadRevision(deliverableId);

  return (
    <div className="gz-upload" data-testid="upload-revision">
      <Flex gap={8} wrap align="center">
        <Upload
          accept={ACCEPTED_FILE_TYPES}
          maxCount={1}
          showUploadList={false}
          beforeUpload={(chosen) => {
            const problem = checkUploadFile(chosen);
            setFileProblem(problem ? t(`upload.problem.${problem}`) : null);
            setFile(problem ? null : chosen);
            upload.reset();
            return false;
          }}
        >
          <Button icon={<Icon name="upload" />}>{file ? t('upload.chooseAnother') : t('upload.choose')}</Button>
        </Upload>
        {file ? (
          <span className="gz-upload-file">
            <Icon name="file" /> <span className="gz-ellipsis">{file.name}</span> <span className="gz-muted gz-num">{formatBytes(file.size)}</span>
          </span>
        ) : (
          <span className="gz-muted gz-small">{t('upload.accepted')}</span>
        )}
      </Flex>
      {fileProblem ? <div className="gz-field-error">{fileProblem}</div> : null}
      <Input.TextArea
        value={note}
        onChange={(event) => setNote(event.target.value)}
        placeholder={t('upload.notePlaceholder')}
        aria-label={t('upload.note')}
        maxLength={2000}
        autoSize={{ minRows: 2, maxRows: 5 }}
        style={{ marginTop: 8 }}
      />
      {upload.error ? (
        <div style={{ marginTop: 8 }}>
          <ErrorAlert error={upload.error} compact />
        </div>
      ) : null}
      <Button
        type="primary"
        ghost
        style={{ marginTop: 8 }}
        disabled={!file}
        loading={upload.isPending}
        data-testid="upload-submit"
        onClick={() => {
          if (!file) return;
          upload.mutate(
            { file, note: note.trim() || undefined },
            {
              onSuccess: (revision) => {
                void message.success(t('upload.done', { n: revision.revision }));
                setFile(null);
                setNote('');
              },
            },
          );
        }}
      >
        {t('upload.submit', { n: nextRevision })}
      </Button>
    </div>
  );
}
