import { type CivilDate } from '@gongzhi/domain';
import { type ClientProfile } from './client-terms';
import {
  createArticleLine,
  createCoverPage,
  createHeading,
  createParagraph,
  HeadingNumbering,
  packOfficialDocument,
  run,
} from './gbt9704';
import { bookTitle, groupByLevel, type LawReference } from './law-references';
import { UnverifiedMarks } from './unverified';

/** 职权法律法规汇编 (stage 4): the laws the powers rest on, with the articles cited. */
export interface LawCompilationInput {
  client: ClientProfile;
  preparedBy: string;
  date: CivilDate;
  /** Laws with their `articles`; a law without articles is listed by title only. */
  laws: LawReference[];
}

/**
 * 职权法律法规汇编: cover, a note on how to read it, then the laws grouped by level (法律, 行政法规,
 * 地方性法规, 规章, 规范性文件, 政策文件), each with its issuer and version and the cited articles' gist.
 */
export async function renderLawCompilation(input: LawCompilationInput): Promise<Buffer> {
  if (input.laws.length === 0) throw new RangeError('a compilation needs at least one law');
  const marks = new UnverifiedMarks();
  const numbering = new HeadingNumbering();
  const articleCount = input.laws.reduce((sum, law) => sum + (law.articles?.length ?? 0), 0);
  const title = `${input.client.shortName}社区治理职权法律法规汇编`;

  const body = [
    createHeading(1, '编辑说明'),
    createParagraph(
      `本汇编收录${input.client.shortName}及有关职能部门在社区治理中行使职权所依据的法律法规和政策文件共${input.laws.length}件、条文${articleCount}条，按效力层级编排，与《行权手册》《违法行为查处职权部门清单》《职权梳理表》配套使用。`,
    ),
    createParagraph('所列条文为摘要或节录，适用时以国家和本市官方公布的文本为准；法律法规修订的，以修订后的条文为准。'),
    ...groupByLevel(input.laws).flatMap((group) => [
      numbering.heading(1, group.level),
      ...group.laws.flatMap((law) => [
        numbering.heading(2, [
          ...marks.runs({ text: bookTitle(law.name), isUnverified: law.isUnverified }),
          ...(law.issuer || law.version ? [run(`（${[law.issuer, law.version].filter(Boolean).join('，')}）`)] : []),
        ]),
        ...(law.articles ?? []).map((article) => createArticleLine(article.article, marks.runs(article.summary))),
      ]),
    ]),
  ];

  return packOfficialDocument({
    title,
    author: input.preparedBy,
    date: input.date,
    marks,
    cover: createCoverPage({
      title,
      fields: [
        ['使用单位', input.client.name],
        ['编制单位', input.preparedBy],
        ['收录文件', `${input.laws.length}件`],
      ],
      issuer: input.preparedBy,
      date: input.date,
    }),
    sections: [{ children: body }],
  });
}
