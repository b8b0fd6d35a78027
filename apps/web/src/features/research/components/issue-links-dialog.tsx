import { Alert, App, Button, Form, InputNumber, Modal, Select } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import { todayCivil } from '../../../lib/dates';
import { saveDownloadedFile } from '../../../lib/download';
import type { Questionnaire } from '../api/get-questionnaires';
import { type IssuedLinks, linksCsv, linkUrl, useIssueQuestionnaireLinks } from '../api/issue-links';
import { useResearchTranslation } from '../utils/use-research-translation';

export const MAX_LINKS = 500;
const DEFAULT_COUNT = 10;

/** A file name without characters Windows refuses. */
const safeFileName = (name: string) => name.replace(/[\\/:*?"<>|]+/g, ' ').trim();

/**
 * 生成填写链接: how many single-use links, for which community (optional); then the links, shown
 * this once — the server keeps only their hashes — to copy or download as a CSV to print or send.
 */
export function IssueLinksDialog({
  open,
  engagementId,
  questionnaire,
  communities,
  onClose,
}: {
  open: boolean;
  engagementId: string;
  questionnaire: Pick<Questionnaire, 'id' | 'title'>;
  communities: readonly { key: string; name: string }[];
  onClose: () => void;
}) {
  const { t } = useResearchTranslation();
  const { t: tc } = useTranslation();
  const { message, modal } = App.useApp();
  const issue = useIssueQuestionnaireLinks(engagementId, questionnaire.id);
  const [count, setCount] = useState<number | null>(DEFAULT_COUNT);
  const [communityKey, setCommunityKey] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedLinks | null>(null);
  const [isSaved, setSaved] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);

  const urls = issued ? issued.links.map((link) => linkUrl(window.location.origin, link.path)) : [];
  const communityName = issued?.community?.name ?? t('links.wholeStreet');
  const isCountValid = count !== null && Number.isInteger(count) && count >= 1 && count <= MAX_LINKS;

  const reset = () => {
    setIssued(null);
    setSaved(false);
    setCount(DEFAULT_COUNT);
    setCommunityKey(null);
    issue.reset();
  };
  const finish = () => {
    reset();
    onClose();
  };
  const requestClose = () => {
    if (!issued || isSaved) return finish();
    modal.confirm({
      title: t('links.closeUnsavedTitle'),
      content: t('links.closeUnsavedExplain'),
      okText: t('links.closeAnyway'),
      okButtonProps: { danger: true },
      cancelText: t('links.keepOpen'),
      onOk: finish,
    });
  };

  const generate = () => {
    if (!isCountValid) return;
    issue.mutate({ count, community: communityKey }, { onSuccess: (result) => setIssued(result) });
  };

  const selectList = () => {
    const list = listRef.current;
    const selection = window.getSelection();
    if (list && selection) selection.selectAllChildren(list);
  };

  const copyAll = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(urls.join('\n'));
      setSaved(true);
      void message.success(t('links.copied', { count: urls.length }));
    } catch {
      // Outside a secure context (http on an intranet address) there is no clipboard API: the
      // links are selected for the user's own Ctrl+C.
      selectList();
      void message.warning(t('links.copyManually'));
    }
  };

  const download = () => {
    const rows = urls.map((url) => ({ community: issued?.community?.name ?? '', url }));
    const csv = linksCsv([t('links.csvNo'), t('links.csvCommunity'), t('links.csvLink')], rows);
    saveDownloadedFile(
      { blob: new Blob([csv], { type: 'text/csv;charset=utf-8' }) },
      `${safeFileName(t('links.fileName', { title: questionnaire.title, date: todayCivil() }))}.csv`,
    );
    setSaved(true);
  };

  return (
    <Modal
      open={open}
      title={issued ? t('links.issuedTitle', { count: urls.length }) : t('links.title')}
      onCancel={requestClose}
      mask={{ closable: !issued }}
      keyboard={!issued}
      width={issued ? 720 : 520}
      destroyOnHidden
      footer={
        issued ? (
          <div className="gz-links-footer">
            <Button icon={<Icon name="checklist" />} onClick={() => void copyAll()} data-testid="copy-links">
              {t('links.copyAll')}
            </Button>
            <Button icon={<Icon name="download" />} onClick={download} data-testid="download-links">
              {t('links.downloadCsv')}
            </Button>
            <Button type="primary" onClick={requestClose} data-testid="links-done">
              {t('links.done')}
            </Button>
          </div>
        ) : (
          <div className="gz-links-footer">
            <Button onClick={requestClose}>{tc('common.cancel')}</Button>
            <Button
              type="primary"
              loading={issue.isPending}
              disabled={!isCountValid}
              onClick={generate}
              data-testid="generate-links"
            >
              {t('links.generate')}
            </Button>
          </div>
        )
      }
    >
      {issued ? (
        <div className="gz-stack" data-testid="issued-links">
          <Alert
            type="warning"
            showIcon
            title={t('links.onceTitle')}
            description={t('links.onceExplain')}
            data-testid="links-once-warning"
          />
          <div className="gz-muted">{t('links.issuedFor', { count: urls.length, community: communityName })}</div>
          <ol className="gz-links-list gz-mono" ref={listRef}>
            {urls.map((url) => (
              <li key={url} data-testid="issued-link">
                {url}
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <Form layout="vertical" component="div" data-testid="issue-links-form">
          <Alert type="info" showIcon title={t('links.explain')} style={{ marginBottom: 16 }} />
          <Form.Item
            label={t('links.count')}
            htmlFor="links-count"
            required
            extra={t('links.countHint', { max: MAX_LINKS })}
            validateStatus={isCountValid ? undefined : 'error'}
            help={isCountValid ? undefined : t('links.countInvalid', { max: MAX_LINKS })}
          >
            <InputNumber
              id="links-count"
              min={1}
              max={MAX_LINKS}
              precision={0}
              value={count}
              onChange={(value) => setCount(value)}
              style={{ width: 160 }}
            />
          </Form.Item>
          <Form.Item label={t('links.community')} htmlFor="links-community" extra={t('links.communityHint')}>
            <Select<string>
              id="links-community"
              allowClear
              value={communityKey ?? undefined}
              onChange={(value) => setCommunityKey(value ?? null)}
              placeholder={t('links.wholeStreet')}
              options={communities.map((community) => ({ value: community.key, label: community.name }))}
              style={{ width: '100%' }}
            />
          </Form.Item>
          {issue.error ? <ErrorAlert error={issue.error} /> : null}
        </Form>
      )}
    </Modal>
  );
}
