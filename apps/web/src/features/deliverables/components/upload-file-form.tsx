import { App, Button, Flex, Grid, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import { formatBytes } from '../../../lib/dates';
import type { DeliverableDetail } from '../api/get-deliverable';
import { acceptedFileTypes, acceptsPhotos, checkUploadFile, useUploadFile } from '../api/upload-file';

/**
 * Choose a file of the deliverable's kind and upload it. Uploading submits nothing: the file is
 * listed as waiting, and completing the task submits it as the next revision. On a phone, a
 * deliverable that takes photos (a signed attendance sheet, a vote record) can be photographed
 * straight from the camera.
 */
export function UploadFileForm({ deliverable }: { deliverable: Pick<DeliverableDetail, 'id' | 'kind'> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  // Which button gave the file: each says "again" only for its own.
  const [source, setSource] = useState<'camera' | 'picker' | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const upload = useUploadFile(deliverable.id);
  const canPhotograph = Grid.useBreakpoint().md === false && acceptsPhotos(deliverable.kind);
  const choose = (from: 'camera' | 'picker') => (chosen: File) => {
    const problem = checkUploadFile(chosen, deliverable.kind);
    setFileProblem(problem ? t(`upload.problem.${problem}`, { kind: t(`deliverable.kind.${deliverable.kind}`) }) : null);
    setFile(problem ? null : chosen);
    setSource(problem ? null : from);
    upload.reset();
    return false;
  };

  return (
    <div className="gz-upload" data-testid="upload-file">
      <Flex gap={8} wrap align="center">
        {canPhotograph ? (
          <Upload accept="image/jpeg,image/png" capture="environment" maxCount={1} showUploadList={false} beforeUpload={choose('camera')}>
            <Button icon={<Icon name="camera" />} data-testid="upload-photo">
              {file && source === 'camera' ? t('upload.photographAgain') : t('upload.photograph')}
            </Button>
          </Upload>
        ) : null}
        <Upload accept={acceptedFileTypes(deliverable.kind)} maxCount={1} showUploadList={false} beforeUpload={choose('picker')}>
          <Button icon={<Icon name="upload" />}>{file && source === 'picker' ? t('upload.chooseAnother') : t('upload.choose')}</Button>
        </Upload>
        {file ? (
          <span className="gz-upload-file">
            <Icon name="file" /> <span className="gz-ellipsis">{file.name}</span> <span className="gz-muted gz-num">{formatBytes(file.size)}</span>
          </span>
        ) : (
          <span className="gz-muted gz-small">{t(`upload.accepted.${deliverable.kind}`)}</span>
        )}
      </Flex>
      {fileProblem ? <div className="gz-field-error">{fileProblem}</div> : null}
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
            { file },
            {
              onSuccess: (uploaded) => {
                void message.success(t('upload.done', { file: uploaded.fileName }));
                setFile(null);
                setSource(null);
              },
            },
          );
        }}
      >
        {t('upload.submit')}
      </Button>
    </div>
  );
}
