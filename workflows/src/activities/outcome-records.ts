import { type Db, loadEngagementOutcomes } from '@gongzhi/db';
import { renderOutcomesWorkbook } from '@gongzhi/documents';
import { civilDateAt } from '@gongzhi/domain';
import { type FileStore } from '@gongzhi/storage';
import { DEFAULT_FIRM_NAME } from './document-generation';

export interface OutcomeActivities {
  /** Drafts the engagement's 成效证明材料 workbook from its records as of today and stores it. */
  exportOutcomes(input: { engagementId: string }): Promise<{ file: { storageKey: string; sha256: string; sizeBytes: number; fileName: string } }>;
}

export function createOutcomeActivities({ db, files, firmName = DEFAULT_FIRM_NAME }: { db: Db; files: FileStore; firmName?: string }): OutcomeActivities {
  return {
    async exportOutcomes({ engagementId }) {
      const date = civilDateAt(new Date());
      const [engagement, outcomes] = await Promise.all([db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { name: true, clientName: true } }), loadEngagementOutcomes(db, engagementId, date)]);
      const content = await renderOutcomesWorkbook({ clientName: engagement.clientName, engagementName: engagement.name, outcomes, preparedBy: firmName, date });
      const stored = await files.put(content);
      return { file: { storageKey: stored.storageKey, sha256: stored.sha256, sizeBytes: stored.sizeBytes, fileName: `${engagement.clientName}项目成效证明材料（${date}）.xlsx` } };
    },
  };
}
