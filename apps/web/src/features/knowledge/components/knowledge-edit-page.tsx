import { COMPLAINT_CHANNEL, type KnowledgeKind } from '@gongzhi/domain';
import { Alert, App, Button, Result, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorPage } from '../../../components/error-page';
import { PageSkeleton } from '../../../components/loading';
import { StaleSaveAlert } from '../../../components/stale-save-alert';
import { type Crumb, PageHeader } from '../../../components/page-header';
import { describeError } from '../../../lib/errors';
import { entriesOfKind, type KnowledgeDirectory } from '../api/directory';
import { KIND_ORDER, type KnowledgeEntry, useFirmDirectory, useKnowledgeEntry } from '../api/get-knowledge';
import { useCreateKnowledgeEntry, useReviseKnowledgeEntry } from '../api/write-knowledge';
import { KindTag, VersionLabel } from './knowledge-bits';
import { KnowledgeEditor } from './knowledge-editor';
import { useKnowledgeTranslation } from '../utils/use-knowledge-translation';

/** Everything an editor may cite or link: laws for provisions, templates and violations for powers. */
const EDITOR_KINDS: readonly KnowledgeKind[] = ['law', 'template', 'violation', 'source'];

const entryUrl = (kind: KnowledgeKind, key: string) => `/knowledge/${kind}/${encodeURIComponent(key)}`;

/** A new entry's starting content: the required fields present (empty), 待核实 until a lawyer checks it. */
export function blankContent(kind: KnowledgeKind, directory: KnowledgeDirectory): Record<string, unknown> {
  switch (kind) {
    case 'law':
      return {
        key: '',
        title: '',
        shortName: '',
        issuer: '',
        version: { label: '' },
        sourceKeys: [],
        unverified: true,
        excerpts: [],
      };
    case 'violation': {
      const next = Math.max(0, ...entriesOfKind(directory, 'violation').map((entry) => entry.position)) + 1;
      return {
        no: next,
        key: '',
        title: '',
        description: '',
        prohibitions: [],
        penalties: [],
        related: [],
        penaltySummary: '',
        enforcer: '',
        enforcers: [],
        reporters: [],
        cooperatingDepartments: [],
        complaintChannel: COMPLAINT_CHANNEL,
        hotlineCategories: { names: [], unverified: true },
        sourceKeys: [],
        unverified: true,
      };
    }
    case 'power':
      return { key: '', title: '', legalBasis: [], process: [], templates: [], violationNos: [], unverified: true };
    case 'template':
      return { key: '', title: '', purpose: '', requiredElements: [], legalBasis: [], unverified: true };
    case 'source':
      return { description: '', urls: [], weak: false };
  }
}

/** Only administrators and PMs edit the firm's knowledge base. */
export function EditNotAllowed() {
  const { t } = useKnowledgeTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={t('editor.notAllowedTitle')}
      subTitle={t('editor.notAllowedHint')}
      extra={<Button onClick={() => void navigate('/knowledge')}>{t('entry.backToList')}</Button>}
    />
  );
}

/**
 * Revising an entry: starts from the version on screen and saves only if it is still the newest
 * (`expectedVersion`); a conflict keeps the edit on screen and offers the newest version.
 */
export function KnowledgeEditPage({
  kind,
  entryKey,
  crumbs,
}: {
  kind: KnowledgeKind;
  entryKey: string;
  crumbs: Crumb[];
}) {
  const { t } = useKnowledgeTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const query = useKnowledgeEntry(kind, entryKey);
  const directory = useFirmDirectory(EDITOR_KINDS);
  const revise = useReviseKnowledgeEntry(kind, entryKey);
  // The version this edit started from: later refetches must not move it under the editor.
  const [base, setBase] = useState<KnowledgeEntry | null>(null);
  if (base === null && query.data) setBase(query.data);

  if (query.isError && !base)
    return (
      <ErrorPage
        error={query.error}
        onRetry={() => void query.refetch()}
        backTo="/knowledge"
        backLabel={t('entry.backToList')}
      />
    );
  if (!base) return <PageSkeleton rows={12} />;

  const conflict = (
    <StaleSaveAlert
      error={revise.error}
      hint={t('editor.conflictHint')}
      loadLabel={t('editor.loadLatest')}
      testId="knowledge-conflict"
      onLoadLatest={async () => {
        const latest = await query.refetch();
        if (latest.data) {
          setBase(latest.data);
          revise.reset();
        }
      }}
    />
  );

  return (
    <>
      <PageHeader
        crumbs={[...crumbs, { label: base.title, to: entryUrl(kind, entryKey) }, { label: t('edit') }]}
        title={t('editor.editTitle', { title: base.title })}
        tags={
          <>
            <KindTag kind={kind} />
            <VersionLabel version={base.version} />
          </>
        }
      />
      <KnowledgeEditor
        key={base.version}
        kind={kind}
        mode="revise"
        initialContent={base.content as Record<string, unknown>}
        directory={directory}
        submitLabel={t('editor.save', { n: base.version + 1 })}
        submitting={revise.isPending}
        error={revise.error}
        conflict={conflict}
        intro={<Alert type="info" showIcon title={t('editor.basedOn', { n: base.version })} />}
        onCancel={() => void navigate(entryUrl(kind, entryKey))}
        onSubmit={(content, reason) =>
          revise.mutate(
            { content, reason, expectedVersion: base.version },
            {
              onSuccess: (saved) => {
                void message.success(t('editor.saved', { n: saved.version }));
                void navigate(`${entryUrl(kind, entryKey)}?tab=history&version=${saved.version}`);
              },
            },
          )
        }
      />
    </>
  );
}

/** A new entry of the chosen kind (version 1). */
export function KnowledgeCreatePage({ initialKind, crumbs }: { initialKind: KnowledgeKind; crumbs: Crumb[] }) {
  const { t } = useKnowledgeTranslation();
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [kind, setKind] = useState<KnowledgeKind>(initialKind);
  const directory = useFirmDirectory(EDITOR_KINDS);
  const create = useCreateKnowledgeEntry(kind);
  const isDirectoryReady = directory.entries.length > 0;
  // One starting content per kind: a new object each render would restart the editor.
  const initialContent = useMemo(() => blankContent(kind, directory), [kind, isDirectoryReady]);
  const described = create.error ? describeError(create.error, tc) : null;

  return (
    <>
      <PageHeader
        crumbs={[...crumbs, { label: t('create') }]}
        title={t('editor.createTitle', { kind: t(`kind.${kind}`) })}
        extra={
          <Select<KnowledgeKind>
            value={kind}
            onChange={(next) => {
              setKind(next);
              create.reset();
            }}
            options={KIND_ORDER.map((value) => ({ value, label: t(`kind.${value}`) }))}
            style={{ width: 140 }}
            aria-label={t('columns.kind')}
          />
        }
      />
      {isDirectoryReady ? (
        <KnowledgeEditor
          key={kind}
          kind={kind}
          mode="create"
          initialContent={initialContent}
          directory={directory}
          submitLabel={t('editor.saveNew')}
          submitting={create.isPending}
          error={create.error}
          conflict={
            described ? (
              <Alert type="error" showIcon role="alert" title={described.title} description={t('editor.existsHint')} />
            ) : null
          }
          intro={<Alert type="info" showIcon title={t('editor.createIntro')} />}
          onCancel={() => void navigate('/knowledge')}
          onSubmit={(content, reason) =>
            create.mutate(
              { content, reason },
              {
                onSuccess: (entry) => {
                  void message.success(t('editor.created', { title: entry.title }));
                  void navigate(entryUrl(entry.kind, entry.key));
                },
              },
            )
          }
        />
      ) : (
        <PageSkeleton rows={12} />
      )}
    </>
  );
}
