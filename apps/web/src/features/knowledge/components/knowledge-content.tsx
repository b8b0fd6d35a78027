import type { KnowledgeContent, KnowledgeKind } from '@gongzhi/domain';
import { Descriptions, type DescriptionsProps, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../lib/i18n';
import { findEntry, findViolationByNo, type KnowledgeDirectory } from '../api/directory';
import { formatArticle } from '../utils/article-label';
import { translateOr } from '../utils/use-knowledge-translation';
import { EntryLink, KbSection, ProvisionCitation, ProvisionList, SourceKeys, UnverifiedTag } from './knowledge-bits';
import { useKnowledgeTranslation } from '../utils/use-knowledge-translation';

type Items = NonNullable<DescriptionsProps['items']>;

/** Facts of an entry as label–value pairs: two columns on a desk, one on a phone. */
function Facts({ items }: { items: Items }) {
  return <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} items={items} className="gz-kb-facts" />;
}

/** Running text (a description, a summary) as the lawyers wrote it, line breaks kept. */
const Prose = ({ children }: { children: ReactNode }) => <p className="gz-kb-prose">{children}</p>;

function Notes({ notes }: { notes: string | undefined }) {
  const { t } = useKnowledgeTranslation();
  if (!notes) return null;
  return (
    <KbSection title={t('fields.notes')}>
      <Prose>{notes}</Prose>
    </KbSection>
  );
}

function LawContent({ law, directory }: { law: KnowledgeContent<'law'>; directory: KnowledgeDirectory }) {
  const { t } = useKnowledgeTranslation();
  const { t: tc } = useTranslation();
  const { locale } = useLocalized();
  const { version } = law;
  const facts: Items = [
    { key: 'shortName', label: t('fields.shortName'), children: law.shortName },
    { key: 'level', label: t('fields.level'), children: translateOr(t, `level.${law.level}`, law.level) },
    { key: 'issuer', label: t('fields.issuer'), children: law.issuer },
    ...(law.documentNo ? [{ key: 'documentNo', label: t('fields.documentNo'), children: law.documentNo }] : []),
    { key: 'version', label: t('law.version'), children: version.label },
    ...(version.adopted
      ? [{ key: 'adopted', label: t('fields.adopted'), children: <span className="gz-num">{version.adopted}</span> }]
      : []),
    ...(version.published
      ? [
          {
            key: 'published',
            label: t('fields.published'),
            children: <span className="gz-num">{version.published}</span>,
          },
        ]
      : []),
    ...(version.amended && version.amended.length > 0
      ? [
          {
            key: 'amended',
            label: t('fields.amended'),
            children: <span className="gz-num">{version.amended.join(tc('common.listSeparator'))}</span>,
          },
        ]
      : []),
    ...(version.effective
      ? [
          {
            key: 'effective',
            label: t('fields.effective'),
            children: <span className="gz-num">{version.effective}</span>,
          },
        ]
      : []),
    {
      key: 'sources',
      label: t('fields.sourceKeys'),
      children: <SourceKeys keys={law.sourceKeys} directory={directory} />,
    },
    {
      key: 'status',
      label: t('law.status'),
      children: law.unverified ? <UnverifiedTag hint={t('law.unverifiedLaw')} /> : <span>{t('law.verified')}</span>,
    },
  ];
  return (
    <div className="gz-kb-content" data-kind="law">
      <Facts items={facts} />
      <KbSection title={t('law.excerpts', { count: law.excerpts.length })} testId="law-excerpts">
        <p className="gz-kb-hint">{t('law.excerptsHint')}</p>
        {law.excerpts.length === 0 ? (
          <div className="gz-muted">{t('law.noExcerpts')}</div>
        ) : (
          <ol className="gz-kb-excerpts">
            {law.excerpts.map((excerpt, index) => (
              <li key={`${excerpt.article}-${index}`} className="gz-kb-excerpt" data-article={excerpt.article}>
                <div className="gz-kb-excerpt-label">
                  {formatArticle(excerpt, locale)}
                  {excerpt.unverified ? <UnverifiedTag /> : null}
                </div>
                <div className="gz-kb-excerpt-text">{excerpt.summary}</div>
              </li>
            ))}
          </ol>
        )}
      </KbSection>
      <Notes notes={law.notes} />
    </div>
  );
}

function ViolationContent({
  violation,
  directory,
}: {
  violation: KnowledgeContent<'violation'>;
  directory: KnowledgeDirectory;
}) {
  const { t } = useKnowledgeTranslation();
  const { t: tc } = useTranslation();
  const facts: Items = [
    {
      key: 'no',
      label: t('fields.no'),
      children: <span className="gz-num">{t('violationNo', { no: violation.no })}</span>,
    },
    { key: 'enforcer', label: t('violation.enforcer'), children: violation.enforcer },
    {
      key: 'delegated',
      label: t('fields.delegatedToStreet'),
      children: (
        <span>
          {translateOr(t, `delegation.${violation.delegatedToStreet}`, violation.delegatedToStreet)}
          {violation.delegatedToStreet === 'unverified' ? <UnverifiedTag hint={t('violation.delegationHint')} /> : null}
        </span>
      ),
    },
    { key: 'complaint', label: t('fields.complaintChannel'), children: violation.complaintChannel },
    {
      key: 'hotline',
      label: t('fields.hotlineCategories'),
      children: (
        <span>
          {violation.hotlineCategories.names.join(tc('common.listSeparator'))}
          {violation.hotlineCategories.unverified ? <UnverifiedTag hint={t('violation.hotlineHint')} /> : null}
        </span>
      ),
    },
    {
      key: 'cooperating',
      label: t('fields.cooperatingDepartments'),
      children:
        violation.cooperatingDepartments.length > 0 ? (
          violation.cooperatingDepartments.join(tc('common.listSeparator'))
        ) : (
          <span className="gz-muted">{t('none')}</span>
        ),
    },
    {
      key: 'sources',
      label: t('fields.sourceKeys'),
      children: <SourceKeys keys={violation.sourceKeys} directory={directory} />,
    },
  ];
  return (
    <div className="gz-kb-content" data-kind="violation">
      <Prose>{violation.description}</Prose>
      <Facts items={facts} />
      <KbSection title={t('fields.prohibitions')} testId="violation-prohibitions">
        <ProvisionList provisions={violation.prohibitions} directory={directory} />
      </KbSection>
      <KbSection title={t('fields.penalties')} testId="violation-penalties">
        <ProvisionList provisions={violation.penalties} directory={directory} />
      </KbSection>
      <KbSection title={t('fields.penaltySummary')}>
        <Prose>{violation.penaltySummary}</Prose>
      </KbSection>
      {violation.coercion ? (
        <KbSection title={t('fields.coercion')}>
          <Prose>{violation.coercion.summary}</Prose>
          <div className="gz-kb-sublabel">{t('violation.basis')}</div>
          <ProvisionList provisions={violation.coercion.basis} directory={directory} />
        </KbSection>
      ) : null}
      {violation.enforcers.length > 0 ? (
        <KbSection title={t('fields.enforcers')}>
          <ul className="gz-kb-rows">
            {violation.enforcers.map((enforcer, index) => (
              <li key={`${enforcer.body}-${index}`}>
                <div className="gz-kb-row-head">
                  {enforcer.scope ? <Tag variant="filled">{enforcer.scope}</Tag> : null}
                  <strong>{enforcer.body}</strong>
                  {enforcer.unverified ? <UnverifiedTag /> : null}
                </div>
                {enforcer.note ? <div className="gz-kb-provision-note">{enforcer.note}</div> : null}
              </li>
            ))}
          </ul>
        </KbSection>
      ) : null}
      <KbSection title={t('fields.reporters')}>
        {violation.reporters.length === 0 ? (
          <div className="gz-muted">{t('none')}</div>
        ) : (
          <ul className="gz-kb-rows">
            {violation.reporters.map((reporter, index) => (
              <li key={`${reporter.party}-${index}`}>
                <div className="gz-kb-row-head">
                  <strong>{reporter.party}</strong>
                </div>
                <div>{reporter.duty}</div>
                {reporter.basis ? (
                  <div className="gz-kb-basis">
                    <span className="gz-muted">{t('violation.basisInline')}</span>
                    <ProvisionCitation provision={reporter.basis} directory={directory} />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </KbSection>
      {violation.related.length > 0 ? (
        <KbSection title={t('fields.related')}>
          <ProvisionList provisions={violation.related} directory={directory} />
        </KbSection>
      ) : null}
      <Notes notes={violation.notes} />
    </div>
  );
}

function PowerContent({ power, directory }: { power: KnowledgeContent<'power'>; directory: KnowledgeDirectory }) {
  const { t } = useKnowledgeTranslation();
  const facts: Items = [
    {
      key: 'category',
      label: t('fields.category'),
      children: translateOr(t, `category.${power.category}`, power.category),
    },
    { key: 'holder', label: t('fields.holder'), children: translateOr(t, `holder.${power.holder}`, power.holder) },
    {
      key: 'delegated',
      label: t('fields.delegatedToStreet'),
      children: (
        <span>
          {translateOr(t, `delegation.${power.delegatedToStreet}`, power.delegatedToStreet)}
          {power.delegatedToStreet === 'unverified' ? <UnverifiedTag hint={t('violation.delegationHint')} /> : null}
        </span>
      ),
    },
  ];
  return (
    <div className="gz-kb-content" data-kind="power">
      <Facts items={facts} />
      <KbSection title={t('fields.legalBasis')}>
        <ProvisionList provisions={power.legalBasis} directory={directory} />
      </KbSection>
      <KbSection title={t('fields.process')}>
        <ol className="gz-kb-steps">
          {power.process.map((step, index) => (
            <li key={`${index}-${step.slice(0, 12)}`}>{step}</li>
          ))}
        </ol>
      </KbSection>
      <KbSection title={t('fields.templates')}>
        {power.templates.length === 0 ? (
          <div className="gz-muted">{t('none')}</div>
        ) : (
          <ul className="gz-kb-links">
            {power.templates.map((key) => (
              <li key={key}>
                <EntryLink kind="template" entryKey={key} directory={directory}>
                  {findEntry(directory, 'template', key)?.title ?? key}
                </EntryLink>
              </li>
            ))}
          </ul>
        )}
      </KbSection>
      <KbSection title={t('fields.violationNos')}>
        {power.violationNos.length === 0 ? (
          <div className="gz-muted">{t('none')}</div>
        ) : (
          <ul className="gz-kb-links">
            {power.violationNos.map((no) => {
              const violation = findViolationByNo(directory, no);
              return (
                <li key={no}>
                  <span className="gz-muted gz-num">{t('violationNo', { no })}</span>{' '}
                  {violation ? (
                    <EntryLink kind="violation" entryKey={violation.key} directory={directory}>
                      {violation.title}
                    </EntryLink>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </KbSection>
      <Notes notes={power.notes} />
    </div>
  );
}

function TemplateContent({
  template,
  directory,
}: {
  template: KnowledgeContent<'template'>;
  directory: KnowledgeDirectory;
}) {
  const { t } = useKnowledgeTranslation();
  return (
    <div className="gz-kb-content" data-kind="template">
      <KbSection title={t('fields.purpose')}>
        <Prose>{template.purpose}</Prose>
      </KbSection>
      <KbSection title={t('template.requiredElements', { count: template.requiredElements.length })}>
        <ol className="gz-kb-steps">
          {template.requiredElements.map((element, index) => (
            <li key={`${index}-${element.slice(0, 12)}`}>{element}</li>
          ))}
        </ol>
      </KbSection>
      <KbSection title={t('fields.legalBasis')}>
        <ProvisionList provisions={template.legalBasis} directory={directory} empty={t('template.noLegalBasis')} />
      </KbSection>
      <Notes notes={template.notes} />
    </div>
  );
}

function SourceContent({ source }: { source: KnowledgeContent<'source'> }) {
  const { t } = useKnowledgeTranslation();
  return (
    <div className="gz-kb-content" data-kind="source">
      <Facts
        items={[
          { key: 'key', label: t('source.key'), children: <span className="gz-mono">{source.key}</span> },
          {
            key: 'reliability',
            label: t('source.reliability'),
            children: source.weak ? (
              <span>
                {t('source.weakShort')} <UnverifiedTag hint={t('source.weak')} />
              </span>
            ) : (
              t('source.strongShort')
            ),
          },
        ]}
      />
      <KbSection title={t('fields.description')}>
        <Prose>{source.description}</Prose>
      </KbSection>
      <KbSection title={t('fields.urls')}>
        <ul className="gz-kb-links">
          {source.urls.map((url) => (
            <li key={url}>
              <a href={url} target="_blank" rel="noopener noreferrer" className="gz-break">
                {url}
              </a>
            </li>
          ))}
        </ul>
      </KbSection>
    </div>
  );
}

/** An entry's content, readable: each kind laid out the way a lawyer reads it. */
export function KnowledgeContentView({
  kind,
  content,
  directory,
}: {
  kind: KnowledgeKind;
  content: KnowledgeContent;
  directory: KnowledgeDirectory;
}) {
  switch (kind) {
    case 'law':
      return <LawContent law={content as KnowledgeContent<'law'>} directory={directory} />;
    case 'violation':
      return <ViolationContent violation={content as KnowledgeContent<'violation'>} directory={directory} />;
    case 'power':
      return <PowerContent power={content as KnowledgeContent<'power'>} directory={directory} />;
    case 'template':
      return <TemplateContent template={content as KnowledgeContent<'template'>} directory={directory} />;
    case 'source':
      return <SourceContent source={content as KnowledgeContent<'source'>} />;
  }
}

/** The kinds an entry of this kind refers to (what its page must look up to name them). */
export function referencedKinds(kind: KnowledgeKind): KnowledgeKind[] {
  switch (kind) {
    case 'law':
      return ['source'];
    case 'violation':
      return ['law', 'source'];
    case 'power':
      return ['law', 'template', 'violation'];
    case 'template':
      return ['law'];
    case 'source':
      return [];
  }
}
