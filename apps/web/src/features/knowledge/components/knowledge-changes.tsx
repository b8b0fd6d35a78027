import type { KnowledgeKind } from '@gongzhi/domain';
import { Tag } from 'antd';
import { EmptyState } from '../../../components/empty-state';
import { useLocalized } from '../../../lib/i18n';
import type { KnowledgeDirectory } from '../api/directory';
import type { KnowledgeChange } from '../api/get-knowledge';
import { describeChangePath, fieldOfPath, formatChangeValue } from '../utils/change-labels';
import { inlineDiff, isProseEdit } from '../utils/inline-diff';
import { useKnowledgeTranslation } from '../utils/use-knowledge-translation';

type ChangeType = 'added' | 'removed' | 'changed';
const changeType = (change: KnowledgeChange): ChangeType =>
  change.before === null ? 'added' : change.after === null ? 'removed' : 'changed';
const CHANGE_COLORS: Record<ChangeType, string> = { added: 'green', removed: 'red', changed: 'blue' };

/**
 * What differs between two versions, field by field: where (in words, with the JSON path for the
 * record), the value before and the value after; within prose, the changed words are marked.
 */
export function KnowledgeChanges({
  kind,
  changes,
  contents,
  directory,
  beforeLabel,
  afterLabel,
  emptyTitle,
}: {
  kind: KnowledgeKind;
  changes: readonly KnowledgeChange[];
  /** The newer content first, then the older, to name array items by what they are. */
  contents: readonly unknown[];
  directory: KnowledgeDirectory;
  beforeLabel: string;
  afterLabel: string;
  emptyTitle: string;
}) {
  const { t } = useKnowledgeTranslation();
  const { locale } = useLocalized();
  if (changes.length === 0) return <EmptyState title={emptyTitle} />;
  const context = { t, locale, directory };
  const show = (value: string | null, field: string) =>
    value === null ? (
      <span className="gz-muted">{t('changes.empty')}</span>
    ) : (
      formatChangeValue(value, field, kind, context)
    );

  return (
    <ol className="gz-kb-changes" data-testid="knowledge-changes">
      {changes.map((change) => {
        const field = fieldOfPath(change.path);
        const type = changeType(change);
        const prose = isProseEdit(change.before, change.after);
        const diff = prose ? inlineDiff(change.before ?? '', change.after ?? '') : null;
        return (
          <li key={change.path} className={`gz-kb-change gz-kb-change-${type}`} data-path={change.path}>
            <div className="gz-kb-change-head">
              <Tag color={CHANGE_COLORS[type]} variant="outlined">
                {t(`changes.type.${type}`)}
              </Tag>
              <span className="gz-kb-change-field">{describeChangePath(change.path, contents, context)}</span>
              <code className="gz-kb-change-path">{change.path}</code>
            </div>
            <div className="gz-kb-change-sides">
              <div className="gz-kb-change-side gz-kb-change-before" data-testid="change-before">
                <div className="gz-kb-change-label">{beforeLabel}</div>
                <div className="gz-kb-change-value">
                  {diff ? (
                    <>
                      {diff.prefix}
                      <del>{diff.removed}</del>
                      {diff.suffix}
                    </>
                  ) : (
                    show(change.before, field)
                  )}
                </div>
              </div>
              <div className="gz-kb-change-side gz-kb-change-after" data-testid="change-after">
                <div className="gz-kb-change-label">{afterLabel}</div>
                <div className="gz-kb-change-value">
                  {diff ? (
                    <>
                      {diff.prefix}
                      <ins>{diff.added}</ins>
                      {diff.suffix}
                    </>
                  ) : (
                    show(change.after, field)
                  )}
                </div>
              </div>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
