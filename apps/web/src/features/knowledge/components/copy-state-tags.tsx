import { Flex, Tag, Tooltip } from 'antd';
import { formatInstant } from '../../../lib/dates';
import { useLocalized } from '../../../lib/i18n';
import type { EngagementKnowledgeRow } from '../api/engagement-knowledge';
import type { KnowledgeT } from '../utils/use-knowledge-translation';
import { useKnowledgeTranslation } from '../utils/use-knowledge-translation';

/** The state of the engagement's copy of one entry, and whether it was adapted to the district. */
export function CopyStateTags({ row }: { row: Pick<EngagementKnowledgeRow, 'state' | 'adapted'> }) {
  const { t } = useKnowledgeTranslation();
  const { locale } = useLocalized();
  const color = { current: 'green', behind: 'orange', not_taken: 'default' }[row.state];
  return (
    <Flex gap={4} wrap>
      <Tag color={color} variant="outlined" data-state={row.state} data-testid="copy-state">
        {t(`copy.state.${row.state}`)}
      </Tag>
      {row.adapted ? (
        <Tooltip
          title={t('copy.adaptedBy', {
            by: row.adapted.by?.displayName ?? t('builtIn'),
            at: formatInstant(row.adapted.at, locale),
            reason: row.adapted.reason ?? t('copy.noReason'),
          })}
        >
          <Tag color="purple" variant="outlined" data-testid="copy-adapted">
            {t('copy.state.adapted')}
          </Tag>
        </Tooltip>
      ) : null}
    </Flex>
  );
}

/** Which versions the engagement and the master hold, said once when they are the same. */
export function copyVersions(
  row: Pick<EngagementKnowledgeRow, 'baseVersion' | 'masterVersion' | 'adapted'>,
  t: KnowledgeT,
): string {
  if (row.baseVersion === null) return t('copy.versionsNotTaken', { master: row.masterVersion });
  if (row.baseVersion === row.masterVersion && !row.adapted) return t('versionN', { n: row.baseVersion });
  return t('copy.versions', { base: row.baseVersion, master: row.masterVersion });
}
