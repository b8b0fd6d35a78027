import { HOTLINE_FIELDS, type HotlineField, hotlineFieldLabels } from '@gongzhi/domain';
import { Alert, App, Button, Drawer, Flex, Form, Grid, Input, Select, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-state';
import { isApiError } from '../../../lib/errors';
import { useLocalized } from '../../../lib/i18n';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { type HotlineImport, type HotlineMapping, useCommitHotlineImport, useStageHotlineImport } from '../api/hotline';
import { useCasesTranslation } from '../utils/use-cases-translation';

const REQUIRED: readonly HotlineField[] = ['ticketId', 'receivedAt', 'category'];
const NONE = -1;

/** The previous month, as the street office sends last month's extract. */
const lastMonth = () => {
  const now = new Date(Date.now() + 8 * 3600_000);
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return `${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
};

/**
 * Imports a month of 12345 tickets in two steps: the file is read on a worker (its header, first
 * rows and a guessed mapping come back), then the person confirms which column is which and the
 * rows are imported all or none — the rows at fault listed when any is.
 */
export function HotlineImportDrawer({ engagementId, staged: initial, onClose }: { engagementId: string; staged: HotlineImport | null; onClose: () => void }) {
  const { t } = useCasesTranslation();
  const { text } = useLocalized();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const stage = useStageHotlineImport(engagementId);
  const commit = useCommitHotlineImport(engagementId);
  const [staged, setStaged] = useState<HotlineImport | null>(initial);
  const [month, setMonth] = useState(lastMonth);
  const [file, setFile] = useState<File | null>(null);
  // One key per file and month chosen: a retried click stages one import, a corrected file is a new one.
  const [key, setKey] = useState(newIdempotencyKey);
  const [mapping, setMapping] = useState<HotlineMapping>(initial?.mapping ?? initial?.suggestedMapping ?? {});

  const read = async () => {
    if (!file) return;
    try {
      const result = await stage.mutateAsync({ file, month, idempotencyKey: key });
      setStaged(result);
      setMapping(result.suggestedMapping);
    } catch {
      // Shown by the ErrorAlert below.
    }
  };
  const submit = async () => {
    if (!staged) return;
    try {
      const done = await commit.mutateAsync({ importId: staged.id, mapping });
      void message.success(t('hotline.imported', { count: done.ticketCount ?? 0 }));
      onClose();
    } catch {
      // Shown below: the rows at fault, or the error.
    }
  };
  const rowProblems = isApiError(commit.error, 'hotline_rows_invalid') ? commit.error.fieldErrors : [];
  const columnOptions = [{ value: NONE, label: t('hotline.noColumn') }, ...(staged?.headers ?? []).map((header, index) => ({ value: index, label: `${index + 1}. ${header}` }))];

  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md ? 720 : '100%'}
      title={t('hotline.importDrawer')}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('cancel')}</Button>
          {staged ? (
            <Button type="primary" loading={commit.isPending} onClick={() => void submit()} data-testid="hotline-commit">
              {t('hotline.commit')}
            </Button>
          ) : (
            <Button type="primary" disabled={!file || !/^\d{4}-\d{2}$/.test(month)} loading={stage.isPending} onClick={() => void read()} data-testid="hotline-read">
              {t('hotline.read')}
            </Button>
          )}
        </Flex>
      }
    >
      {staged ? (
        <div className="gz-stack">
          <Typography.Text strong>
            {staged.month} · {staged.fileName} · {t('hotline.rowCount', { count: staged.rowCount })}
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('hotline.mappingHint')}
          </Typography.Paragraph>
          {rowProblems.length > 0 ? (
            <Alert
              type="error"
              showIcon
              data-testid="hotline-row-problems"
              title={t('hotline.rowsInvalid')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 220, overflow: 'auto' }}>
                  {rowProblems.map((problem, index) => (
                    <li key={index}>{problem.message}</li>
                  ))}
                  {rowProblems.length >= 200 ? <li>{t('hotline.moreProblems')}</li> : null}
                </ul>
              }
            />
          ) : commit.error ? (
            <ErrorAlert error={commit.error} compact />
          ) : null}
          <Form layout={screens.md ? 'horizontal' : 'vertical'} labelCol={screens.md ? { span: 7 } : undefined} style={{ marginTop: 8 }}>
            {HOTLINE_FIELDS.map((field) => (
              <Form.Item key={field} label={`${text(hotlineFieldLabels[field])}${REQUIRED.includes(field) ? ' *' : ''}`} style={{ marginBottom: 8 }}>
                <Select
                  value={mapping[field] ?? NONE}
                  options={columnOptions}
                  onChange={(value: number) => setMapping((current) => ({ ...current, [field]: value === NONE ? null : value }))}
                  data-testid={`hotline-map-${field}`}
                />
              </Form.Item>
            ))}
          </Form>
          <Typography.Text strong>{t('hotline.sample')}</Typography.Text>
          <Table
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            rowKey={(_, index) => String(index)}
            dataSource={staged.sample.map((row) => Object.fromEntries(row.map((cell, index) => [String(index), cell])))}
            columns={staged.headers.map((header, index) => ({ key: String(index), dataIndex: String(index), title: `${index + 1}. ${header}`, ellipsis: true, width: 140 }))}
          />
        </div>
      ) : (
        <Form layout="vertical">
          {stage.error ? <ErrorAlert error={stage.error} compact /> : null}
          <Form.Item label={t('hotline.monthLabel')} required>
            <Input type="month" value={month} onChange={(event) => {
                setMonth(event.target.value);
                setKey(newIdempotencyKey());
              }} style={{ maxWidth: 220 }} data-testid="hotline-month" />
          </Form.Item>
          <Form.Item label={t('hotline.fileLabel')} required>
            <Upload
              accept=".xlsx,.csv"
              maxCount={1}
              beforeUpload={(chosen) => {
                setFile(chosen);
                setKey(newIdempotencyKey());
                return false;
              }}
              onRemove={() => setFile(null)}
              fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            >
              <Button data-testid="hotline-file">{t('hotline.chooseFile')}</Button>
            </Upload>
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}
