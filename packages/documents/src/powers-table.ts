import { type CivilDate } from '@gongzhi/domain';
import { formatChineseDate } from './chinese-text';
import { type ClientProfile } from './client-terms';
import {
  createDataTable,
  createParagraph,
  createTitleBlock,
  packOfficialDocument,
  SIZE,
  TEXT_BLOCK_HEIGHT,
} from './gbt9704';
import { type PowerEntry } from './powers-manual';
import { UnverifiedMarks } from './unverified';

/** 职权梳理表 (stage 4): the powers of the 行权手册 on one table. */
export interface PowersTableInput {
  client: ClientProfile;
  preparedBy: string;
  date: CivilDate;
  /** The same entries the manual takes; 行权流程要点 is each power's `summary`, else its steps joined by →. */
  powers: PowerEntry[];
}

const CELL_STYLE = { size: SIZE.小五 } as const;

/** 职权梳理表: one landscape table — 序号、职权名称、类别、实施主体、法律依据、行权流程要点、文书. */
export async function renderPowersTable(input: PowersTableInput): Promise<Buffer> {
  const marks = new UnverifiedMarks();
  const title = `${input.client.shortName}社区治理职权梳理表`;
  const rows = input.powers.map((power, index) => [
    String(index + 1),
    power.title,
    power.category,
    power.implementer,
    marks.join(power.legalBasis, '；', CELL_STYLE),
    power.summary !== undefined ? marks.runs(power.summary, CELL_STYLE) : marks.join(power.steps, '→', CELL_STYLE),
    power.templates.map((name) => `《${name}》`).join('\n'),
  ]);
  return packOfficialDocument({
    title,
    author: input.preparedBy,
    date: input.date,
    marks,
    sections: [
      {
        orientation: 'landscape',
        children: [
          ...createTitleBlock({ title, subtitle: `（${input.client.name}　${formatChineseDate(input.date)}）` }),
          createDataTable({
            width: TEXT_BLOCK_HEIGHT,
            fontSize: SIZE.小五,
            columns: [
              { header: '序号', weight: 2, align: 'center' },
              { header: '职权名称', weight: 7 },
              { header: '类别', weight: 3, align: 'center' },
              { header: '实施主体', weight: 5 },
              { header: '法律依据', weight: 12 },
              { header: '行权流程要点', weight: 14 },
              { header: '文书', weight: 7 },
            ],
            rows,
          }),
          createParagraph(
            `共${input.powers.length}项。各项职权的行权流程详见《${input.client.shortName}社区治理行权手册》第三章，法律依据条文见《职权法律法规汇编》。`,
            { isIndented: true },
          ),
        ],
      },
    ],
  });
}
