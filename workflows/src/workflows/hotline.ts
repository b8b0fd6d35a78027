import { currentUpdateInfo, proxyActivities, setHandler } from '@temporalio/workflow';
import { type HotlineActivities } from '../activities/hotline-records';
import { serveUntilIdle } from './command-keeper';
import { type HotlineCommand, hotlineCommandUpdate, type HotlineCommandResult, type HotlineWorkflowInput } from './definitions';
import { refuse, refuseStaleVersion } from './task-board';

// Reading a month's extract (tens of thousands of rows at most) and writing it is seconds, not minutes.
const records = proxyActivities<HotlineActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 10 },
});

/**
 * `hotline-<engagement id>`: the one writer of an engagement's 12345 imports and their settings
 * (the street's other communities, the 每月一题 months), and the place the comparison is exported
 * from. A run ends when idle; the next command starts one.
 */
export async function hotlineWorkflow({ engagementId, idle }: HotlineWorkflowInput): Promise<void> {
  let handled = 0;
  const KINDS: readonly HotlineCommand['kind'][] = ['stage', 'commit', 'settings', 'export'];
  setHandler(
    hotlineCommandUpdate,
    async (command): Promise<HotlineCommandResult> => {
      try {
        const at = new Date().toISOString();
        switch (command.kind) {
          case 'stage': {
            const result = await records.stageHotlineImport({ engagementId, at, command });
            if (!('refused' in result)) return result;
            if (result.refused === 'unreadable') return refuse('hotline_file_unreadable', 'the file cannot be read as a ticket extract', result.errors);
            return refuse('engagement_not_running', 'the engagement is cancelled');
          }
          case 'commit': {
            const result = await records.commitHotlineImport({ engagementId, at, command });
            if (!('refused' in result)) return result;
            switch (result.refused) {
              case 'invalid':
                return refuse('hotline_rows_invalid', `${result.problemCount} problems in the rows; nothing imported`, result.errors);
              case 'conflicts':
                return refuse('hotline_rows_invalid', 'tickets already imported for another month; nothing imported', result.errors);
              case 'unreadable':
                return refuse('hotline_file_unreadable', 'the stored file cannot be read', result.errors);
              case 'not_found':
                return refuse('unknown_hotline_import', 'no such import');
              case 'imported_other_mapping':
                return refuse('conflict', 'the import is done with another mapping', [
                  { field: 'mapping', code: 'rule', message: { zh: '该文件已按另一种列对应导入；如需改变列对应，请重新上传该月明细', en: 'This file is already imported with another mapping; upload the month again to change it' } },
                ]);
              case 'newer_import':
                return refuse('conflict', 'a newer upload of the month is imported', [
                  { field: 'importId', code: 'rule', message: { zh: '该月份已导入之后上传的明细；如需改用本文件，请重新上传', en: 'A later upload of this month is imported; upload this file again to use it instead' } },
                ]);
              case 'not_staged':
                return refuse('conflict', 'a later import of the month replaced this one; stage the file again', [
                  { field: 'importId', code: 'rule', message: { zh: '该月份已由之后上传的明细替换，请重新上传', en: 'A later upload replaced this one for its month; upload it again' } },
                ]);
              case 'engagement_not_running':
                return refuse('engagement_not_running', 'the engagement is cancelled');
            }
            break;
          }
          case 'settings': {
            const result = await records.saveHotlineSettings({ engagementId, at, commandId: currentUpdateInfo()?.id ?? '', command });
            if (!('refused' in result)) return result;
            if (result.refused === 'invalid') return refuse('validation_failed', 'the settings do not fit', result.errors);
            if (result.refused === 'version_conflict') return refuseStaleVersion({ zh: '12345 对比设置', en: '12345 comparison settings' }, result.currentVersion);
            return refuse('engagement_not_running', 'the engagement is cancelled');
          }
          case 'export':
            return await records.exportHotlineReport({ engagementId });
        }
        return refuse('validation_failed', 'unknown command');
      } finally {
        handled += 1;
      }
    },
    {
      // A malformed command is refused before it is accepted: it never reaches the handler.
      validator: (command) => {
        if (typeof command !== 'object' || command === null || !KINDS.includes(command.kind)) refuse('validation_failed', 'not a 12345 command');
      },
    },
  );
  await serveUntilIdle(() => handled, idle);
}
