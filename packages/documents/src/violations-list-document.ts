import { formatChineseDate } from './chinese-text';
import {
  createDataTable,
  createParagraph,
  createSignatureBlock,
  createTitleBlock,
  HeadingNumbering,
  packOfficialDocument,
  SIZE,
  TEXT_BLOCK_HEIGHT,
} from './gbt9704';
import { UnverifiedMarks } from './unverified';
import { CITY_HOTLINE, VIOLATIONS_COLUMNS, type ViolationsListInput } from './violations-list';

/**
 * The same 违法行为查处职权部门清单 as a Word document for the printed deliverable: a portrait page of
 * 编制说明, then the 13-column table in a landscape section (GB/T 9704 横排表格), 小五 so a row fits.
 */
export async function renderViolationsListDocument(input: ViolationsListInput): Promise<Buffer> {
  const marks = new UnverifiedMarks();
  const numbering = new HeadingNumbering();
  const items = input.items ?? [];
  const title = `${input.clientName}\n违法行为查处职权部门清单`;

  const rows = items.map((item, index) =>
    VIOLATIONS_COLUMNS.map((column, columnIndex) => {
      if (columnIndex === 0) return String(index + 1);
      const value = column.cellOf(item);
      return value === undefined ? '' : marks.runs(value, { size: SIZE.小五 });
    }),
  );
  const blankRows = items.length === 0 ? Array.from({ length: 12 }, (_, index) => [String(index + 1)]) : [];

  return packOfficialDocument({
    title: title.replace('\n', ''),
    author: input.preparedBy ?? input.clientName,
    date: input.generatedOn,
    marks,
    sections: [
      {
        children: [
          ...createTitleBlock({ title, subtitle: `（${formatChineseDate(input.generatedOn)}）` }),
          numbering.heading(1, '编制依据'),
          createParagraph(
            '本清单依据《中华人民共和国行政处罚法》《中华人民共和国行政强制法》《北京市街道办事处条例》《北京市物业管理条例》等法律法规，以及《北京市人民政府关于向街道办事处和乡镇人民政府下放部分行政执法职权并实行综合执法的决定》（京政发〔2020〕9号），结合实地调研和与各职能部门座谈探讨的情况编制。',
          ),
          numbering.heading(1, '使用说明'),
          createParagraph(
            '“禁止性条款”列明禁止该行为的条文，“罚则条款”列明相应法律责任的条文；“前置程序”列明实施处罚前应当履行的劝阻、责令改正、催告等程序；“发现报告主体”列明负有劝阻、报告义务的居委会、物业服务人、网格员等。',
          ),
          createParagraph(
            `发现清单所列违法行为的，居委会和物业服务人应当先行劝阻，劝阻无效的及时报告；属于本级综合执法职权的由综合行政执法队依法查处，属于职能部门职权的按照联动执法方案“吹哨”或者移送。居民可通过${CITY_HOTLINE}反映。`,
          ),
          numbering.heading(1, '执法主体说明'),
          createParagraph(
            '自2020年7月1日起，京政发〔2020〕9号决定将431项行政执法职权下放街道办事处和乡镇人民政府，以其自身名义行使，其中393项原属城市管理综合执法部门。清单中“综合行政执法队”即承接上述职权的执法机构；部分职权为“区街共有”，由各区另行划分，须对照本区划分决定逐项核实。',
          ),
          ...createSignatureBlock({ signers: [input.preparedBy ?? input.clientName], date: input.generatedOn }),
        ],
      },
      {
        orientation: 'landscape',
        children: [
          createDataTable({
            width: TEXT_BLOCK_HEIGHT,
            fontSize: SIZE.小五,
            columns: VIOLATIONS_COLUMNS.map((column, index) => ({
              header: column.header,
              weight: column.weight,
              align: index === 0 ? 'center' : 'left',
            })),
            rows: [...rows, ...blankRows],
          }),
        ],
      },
    ],
  });
}
