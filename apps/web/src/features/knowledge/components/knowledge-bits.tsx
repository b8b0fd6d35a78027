import type { KnowledgeKind, Provision } from '@gongzhi/domain';
import { Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Icon } from '../../../components/icons';
import { useLocalized } from '../../../lib/i18n';
import { findEntry, type KnowledgeDirectory } from '../api/directory';
import { formatArticle } from '../utils/article-label';
import { useKnowledgeTranslation } from '../utils/use-knowledge-translation';

/** 待核实: shown wherever content has not been checked against the official text. */
export function UnverifiedTag({ hint }: { hint?: string }) {
  const { t } = useKnowledgeTranslation();
  return (
    <Tooltip title={hint ?? t('unverifiedHint')}>
      <Tag color="orange" variant="outlined" className="gz-kb-unverified" data-unverified="true">
        <Icon name="flag" size={12} style={{ marginInlineEnd: 3 }} />
        {t('unverified')}
      </Tag>
    </Tooltip>
  );
}

const KIND_COLORS: Record<KnowledgeKind, string> = {
  law: 'blue',
  violation: 'red',
  power: 'purple',
  template: 'cyan',
  source: 'default',
};

export function KindTag({ kind }: { kind: KnowledgeKind }) {
  const { t } = useKnowledgeTranslation();
  return (
    <Tag color={KIND_COLORS[kind]} variant="filled" data-kind={kind}>
      {t(`kind.${kind}`)}
    </Tag>
  );
}

export function VersionLabel({ version }: { version: number }) {
  const { t } = useKnowledgeTranslation();
  return <span className="gz-num gz-kb-version">{t('versionN', { n: version })}</span>;
}

/** A titled part of an entry: 条文摘要, 罚则条款, 行权流程… */
export function KbSection({
  title,
  extra,
  children,
  testId,
}: {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section className="gz-kb-section" data-testid={testId}>
      <div className="gz-kb-section-head">
        <h3 className="gz-kb-section-title">{title}</h3>
        {extra}
      </div>
      {children}
    </section>
  );
}

/** A reference to another entry, linked when the page may lead there. */
export function EntryLink({
  kind,
  entryKey,
  directory,
  children,
}: {
  kind: KnowledgeKind;
  entryKey: string;
  directory: KnowledgeDirectory;
  children: ReactNode;
}) {
  const href = directory.href(kind, entryKey);
  return href ? <Link to={href}>{children}</Link> : <>{children}</>;
}

/** 《北京市物业管理条例》第七十八条第二款第三项 — with its note and 待核实 when unverified. */
export function ProvisionCitation({ provision, directory }: { provision: Provision; directory: KnowledgeDirectory }) {
  const { t } = useKnowledgeTranslation();
  const { locale } = useLocalized();
  const law = findEntry(directory, 'law', provision.lawKey);
  const article = formatArticle(provision, locale);
  return (
    <span className="gz-kb-provision" data-law={provision.lawKey}>
      <span className="gz-kb-citation">
        <EntryLink kind="law" entryKey={provision.lawKey} directory={directory}>
          {t('lawCitation', { title: law?.title ?? provision.lawKey })}
        </EntryLink>
        {article ? (
          <span className="gz-kb-article-ref">{article}</span>
        ) : (
          <span className="gz-muted">{t('articleNotGiven')}</span>
        )}
        {provision.unverified ? <UnverifiedTag /> : null}
      </span>
      {provision.note ? <span className="gz-kb-provision-note">{provision.note}</span> : null}
    </span>
  );
}

export function ProvisionList({
  provisions,
  directory,
  empty,
}: {
  provisions: readonly Provision[];
  directory: KnowledgeDirectory;
  empty?: ReactNode;
}) {
  const { t } = useKnowledgeTranslation();
  if (provisions.length === 0) return <div className="gz-muted">{empty ?? t('none')}</div>;
  return (
    <ul className="gz-kb-provisions">
      {provisions.map((provision, index) => (
        <li key={`${provision.lawKey}-${index}`}>
          <ProvisionCitation provision={provision} directory={directory} />
        </li>
      ))}
    </ul>
  );
}

/** The sources an entry rests on, each linked to its source entry. */
export function SourceKeys({ keys, directory }: { keys: readonly string[]; directory: KnowledgeDirectory }) {
  const { t } = useKnowledgeTranslation();
  if (keys.length === 0) return <span className="gz-muted">{t('none')}</span>;
  return (
    <span className="gz-kb-sources">
      {keys.map((key) => {
        const source = findEntry(directory, 'source', key);
        return (
          <Tooltip key={key} title={source?.title}>
            <Tag variant="outlined" className="gz-mono">
              <EntryLink kind="source" entryKey={key} directory={directory}>
                {key}
              </EntryLink>
            </Tag>
          </Tooltip>
        );
      })}
    </span>
  );
}
