/**
 * Which deliverables Gongzhi can draft itself, from the engagement's data and its copy of the
 * knowledge base. A generated draft is offered like an upload: the lawyer submits it (or an
 * edited version) and the partner reviews it as any other revision. The research report is drawn
 * from the questionnaires, symposium minutes and problem lists recorded in stage 3; the joint-enforcement
 * plan and each community's open letter from those problems and the catalogue; the closing report from
 * the engagement's figures; each community's self-governance handbook from the profile the lawyers
 * recorded for it in field research (社区概况) and the problems research found there.
 */
export const GENERATED_DOCUMENT_KINDS = [
  'service-plan',
  'powers-manual',
  'powers-table',
  'violations-list',
  'law-compilation',
  'residents-convention',
  'research-report',
  'joint-enforcement-plan',
  'open-letter',
  'closing-report',
  'self-governance-handbook',
  /** A case's 案件移送函, drafted when it is referred to a department (no deliverable). */
  'case-referral',
  /** A case's 倡议书, drafted when it opens at 德治 (no deliverable). */
  'case-letter',
] as const;
export type GeneratedDocumentKind = (typeof GENERATED_DOCUMENT_KINDS)[number];

export type GeneratedDocumentFormat = 'docx' | 'xlsx';

/** The Office formats Gongzhi drafts, and LibreOffice converts to PDF, by their MIME types. */
export const OFFICE_MIME_TYPES: Readonly<Record<GeneratedDocumentFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface DocumentGenerator {
  kind: GeneratedDocumentKind;
  format: GeneratedDocumentFormat;
  /** The file's title, before the client's or community's name is put in front. */
  title: string;
  /** One document per community (the deliverable is planned per community). */
  perCommunity: boolean;
}

const GENERATORS: Record<string, DocumentGenerator> = {
  'service-plan': { kind: 'service-plan', format: 'docx', title: '项目法律服务方案', perCommunity: false },
  'powers-manual': { kind: 'powers-manual', format: 'docx', title: '行权手册', perCommunity: false },
  'powers-table': { kind: 'powers-table', format: 'xlsx', title: '职权梳理表', perCommunity: false },
  'violations-list': { kind: 'violations-list', format: 'xlsx', title: '违法行为查处职权部门清单', perCommunity: false },
  'compiled-laws': { kind: 'law-compilation', format: 'docx', title: '职权法律法规汇编', perCommunity: false },
  'research-report': { kind: 'research-report', format: 'docx', title: '社区治理现状及难题调研报告', perCommunity: false },
  'convention-draft': { kind: 'residents-convention', format: 'docx', title: '居民公约（草案）', perCommunity: true },
  'joint-enforcement-plan': { kind: 'joint-enforcement-plan', format: 'docx', title: '基层政府与职能部门联动执法方案', perCommunity: false },
  'open-letter': { kind: 'open-letter', format: 'docx', title: '倡议书/公开信', perCommunity: true },
  'closing-report': { kind: 'closing-report', format: 'docx', title: '项目总结报告', perCommunity: false },
  'self-governance-manual': { kind: 'self-governance-handbook', format: 'docx', title: '社区规范管理自治手册', perCommunity: true },
};

/** The generator for a planned deliverable (`convention-draft~c2` → the convention), or null. */
export function generatorForDeliverable(deliverableKey: string): DocumentGenerator | null {
  const base = deliverableKey.split('~')[0] ?? deliverableKey;
  return GENERATORS[base] ?? null;
}
