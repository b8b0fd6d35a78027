import { z } from 'zod';
import { HOTLINE_FIELDS, hotlineMappingSchema, hotlineMonthSchema, TIERS } from '@gongzhi/domain';
import { idempotencyKeySchema, idSchema, instantSchema, line, userRefSchema, ENGAGEMENT_WRITE_ERRORS, engagementParamsSchema } from './common';
import { defineOperation } from './operation';
import { ALL_TEAM_ROLES } from './permissions';

// The street's 12345 接诉即办 tickets, imported month by month, and the comparison the street office
// is judged on: tickets per 1,000 households by the categories mapped to the catalogue's violations.

const engagementParams = engagementParamsSchema;
const importParams = z.object({ id: idSchema, importId: idSchema }).strict();
const WRITE_ERRORS = ENGAGEMENT_WRITE_ERRORS;
const monthSchema = hotlineMonthSchema.meta({ id: 'HotlineMonth', description: 'A month as `YYYY-MM`' });

/** The most an extract may weigh: a month of a large street is a few thousand rows, well under this. */
export const HOTLINE_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

export const hotlineFieldSchema = z.enum(HOTLINE_FIELDS).meta({
  id: 'HotlineField',
  description:
    '`ticketId` 工单编号, `receivedAt` 受理时间 (Beijing time), `category` 问题分类 (one cell, levels may be joined by `/`), `community` 所属社区, `address` 诉求地址, `handlingUnit` 承办单位, `result` 办理结果, `responded`/`resolved` 是否响应/解决 (是/否), `satisfaction` 满意/基本满意/不满意. Required: `ticketId`, `receivedAt`, `category`, and `community` or `address`.',
});

export const hotlineMappingBodySchema = hotlineMappingSchema.meta({ id: 'HotlineMapping', description: 'The 0-based column of each field; absent or null: the extract has none' });

export const hotlineImportSchema = z
  .object({
    id: idSchema,
    month: monthSchema,
    status: z.enum(['staged', 'imported', 'superseded']).meta({ description: '`staged`: read, waiting for its column mapping; `imported`: its tickets are the month’s; `superseded`: a later import of the month replaced it' }),
    fileName: line(255),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    sizeBytes: z.number().int().min(0),
    format: z.enum(['csv', 'xlsx']),
    headers: z.array(z.string().max(200)).max(200),
    sample: z.array(z.array(z.string().max(200)).max(200)).max(5).meta({ description: 'The first rows after the header, as read' }),
    rowCount: z.number().int().min(0),
    suggestedMapping: hotlineMappingBodySchema,
    mapping: hotlineMappingBodySchema.nullable(),
    ticketCount: z.number().int().min(0).nullable(),
    stagedBy: userRefSchema,
    stagedAt: instantSchema,
    importedBy: userRefSchema.nullable(),
    importedAt: instantSchema.nullable(),
  })
  .strict()
  .meta({ id: 'HotlineImport' });

export const listHotlineImports = defineOperation({
  id: 'listHotlineImports',
  method: 'GET',
  path: '/api/engagements/:id/hotline/imports',
  tag: 'hotline',
  summary: { zh: '12345 工单导入记录', en: '12345 imports' },
  description: 'Every upload of a month’s 12345 extract, newest month first: staged (waiting for a mapping), imported (the month’s tickets) or superseded by a later import of the month.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ALL_TEAM_ROLES, admins: true },
  params: engagementParams,
  responses: { 200: z.object({ items: z.array(hotlineImportSchema) }).strict() },
});

export const stageHotlineImport = defineOperation({
  id: 'stageHotlineImport',
  method: 'POST',
  path: '/api/engagements/:id/hotline/imports',
  tag: 'hotline',
  summary: { zh: '上传 12345 月度工单明细', en: 'Upload a month’s 12345 extract' },
  description:
    'multipart/form-data: `file` (.xlsx — its first sheet — or .csv in UTF-8 or GB18030, the first row the header, ≤ 20 MB), `month` (`YYYY-MM`) and optionally `idempotencyKey`. Read on a worker and staged with its header, first rows and a suggested column mapping; nothing is imported until `commitHotlineImport`. 422 `hotline_file_unreadable` for a file that is not such a table (.xls: save as .xlsx).',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm', 'lawyer'], admins: false },
  params: engagementParams,
  body: z
    .object({ file: z.file().min(1).max(HOTLINE_UPLOAD_MAX_BYTES), month: monthSchema, idempotencyKey: idempotencyKeySchema.optional() })
    .strict()
    .meta({ id: 'StageHotlineImportBody' }),
  requestEncoding: 'multipart',
  responses: { 201: hotlineImportSchema },
  errors: [...WRITE_ERRORS, 'hotline_file_unreadable', 'payload_too_large', 'unsupported_media_type', 'conflict'],
});

export const getHotlineImport = defineOperation({
  id: 'getHotlineImport',
  method: 'GET',
  path: '/api/engagements/:id/hotline/imports/:importId',
  tag: 'hotline',
  summary: { zh: '12345 工单导入', en: 'A 12345 import' },
  description: 'One upload with its header, first rows and mapping.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ALL_TEAM_ROLES, admins: true },
  params: importParams,
  responses: { 200: hotlineImportSchema },
});

export const commitHotlineImport = defineOperation({
  id: 'commitHotlineImport',
  method: 'POST',
  path: '/api/engagements/:id/hotline/imports/:importId/commit',
  tag: 'hotline',
  summary: { zh: '按列对应导入工单', en: 'Import the tickets with a column mapping' },
  description:
    'Reads every row with the mapping on a worker and imports the tickets as the month’s, replacing an earlier import of the month in one transaction — or, when any row is wrong (a missing or repeated ticket id, a time outside the month, a cell it cannot read, a ticket already imported for another month), imports nothing: 422 `hotline_rows_invalid` with a field error per problem (`rows.<row>.<field>`, the first 200; a mapping missing a required field or naming a column twice: `mapping.<field>`; tickets already imported for another month: `rows`) and the import stays staged for another mapping or a corrected file. Repeating a done import with the same mapping answers it again. 409 `conflict` for an import a later upload of the month replaced, an older upload while a newer one of the month is imported, or a done import sent with another mapping (upload the month again).',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm', 'lawyer'], admins: false },
  params: importParams,
  body: z.object({ mapping: hotlineMappingBodySchema }).strict().meta({ id: 'CommitHotlineImportBody' }),
  responses: { 200: hotlineImportSchema },
  errors: [...WRITE_ERRORS, 'hotline_rows_invalid', 'hotline_file_unreadable', 'conflict'],
});

const settingsCommunitySchema = z.object({ name: line(100), households: z.number().int().min(1).max(1_000_000) }).strict();
const campaignSchema = z.object({ month: monthSchema, topic: line(100) }).strict();

export const hotlineSettingsSchema = z
  .object({
    communities: z.array(settingsCommunitySchema).max(500).meta({ description: 'Households entered by hand: the street’s communities the engagement does not cover (the comparison’s control group), and any of its own without a profile' }),
    campaigns: z.array(campaignSchema).max(240).meta({ description: '每月一题 campaign months and their topic' }),
    coveredCommunities: z
      .array(z.object({ name: line(100), households: z.number().int().min(0).nullable(), source: z.enum(['profile', 'settings']).nullable() }).strict())
      .meta({ description: 'The engagement’s own communities and the households the comparison uses: from the community profile (社区概况) when recorded, else as entered here; null: none yet, so its tickets are left out' }),
    version: z.number().int().min(0).meta({ description: '0: never saved' }),
    updatedBy: userRefSchema.nullable(),
    updatedAt: instantSchema.nullable(),
  })
  .strict()
  .meta({ id: 'HotlineSettings' });

export const getHotlineSettings = defineOperation({
  id: 'getHotlineSettings',
  method: 'GET',
  path: '/api/engagements/:id/hotline/settings',
  tag: 'hotline',
  summary: { zh: '12345 对比设置', en: '12345 comparison settings' },
  description: 'The street’s other communities with their households (the comparison’s control group) and the 每月一题 campaign months.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ALL_TEAM_ROLES, admins: true },
  params: engagementParams,
  responses: { 200: hotlineSettingsSchema },
});

export const saveHotlineSettings = defineOperation({
  id: 'saveHotlineSettings',
  method: 'PUT',
  path: '/api/engagements/:id/hotline/settings',
  tag: 'hotline',
  summary: { zh: '修改 12345 对比设置', en: 'Change the 12345 comparison settings' },
  description:
    'A new version, written by the engagement’s 12345 workflow. `expectedVersion` is the version edited (0 for the first); 409 `conflict` when someone saved meanwhile. A community named twice or a month with two campaigns is 422 `form_invalid`. A community of the engagement’s own listed here gives its households only while it has no profile. Tickets already imported keep the community they were counted for; import a month again to count it anew.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm'], admins: true },
  params: engagementParams,
  body: z
    .object({ communities: z.array(settingsCommunitySchema).max(500), campaigns: z.array(campaignSchema).max(240), expectedVersion: z.number().int().min(0).max(1_000_000) })
    .strict()
    .meta({ id: 'SaveHotlineSettingsBody' }),
  responses: { 200: hotlineSettingsSchema },
  errors: [...WRITE_ERRORS, 'conflict'],
});

const groupSeriesSchema = z
  .object({
    monthly: z.array(z.number().nullable()).meta({ description: 'Tickets per 1,000 households per month (`months` order); null: the month is not imported or the group has no households' }),
    tickets: z.array(z.number().int().min(0)),
    baseline: z.number().nullable().meta({ description: 'Mean monthly rate over the imported baseline months' }),
    engagement: z.number().nullable().meta({ description: 'Mean monthly rate over the imported months since the engagement began' }),
    baselineWithoutCampaigns: z.number().nullable(),
    engagementWithoutCampaigns: z.number().nullable(),
    change: z.number().nullable().meta({ description: 'engagement / baseline − 1' }),
  })
  .strict();

export const hotlineFiguresSchema = z
  .object({
    startMonth: monthSchema,
    months: z.array(z.object({ month: monthSchema, period: z.enum(['earlier', 'baseline', 'engagement']), campaign: z.string().nullable(), imported: z.boolean() }).strict()),
    baselineMonths: z.object({ imported: z.number().int().min(0), of: z.number().int().min(1) }).strict(),
    households: z.object({ covered: z.number().int().min(0), uncovered: z.number().int().min(0), coveredWithout: z.array(z.string()), uncoveredWithout: z.array(z.string()) }).strict(),
    series: z.array(
      z
        .object({
          key: z.string().meta({ description: '`all-mapped`: every mapped category, a ticket once (always first); else a violation’s key (violations no imported ticket falls under are left out)' }),
          title: z.string().nullable(),
          unverified: z.boolean().meta({ description: 'The violation or its category mapping is unverified (待核实)' }),
          categories: z.array(z.string()),
          covered: groupSeriesSchema,
          uncovered: groupSeriesSchema,
        })
        .strict(),
    ),
    unattributed: z.number().int().min(0),
    unmapped: z.number().int().min(0),
    rates: z.array(z.object({ month: monthSchema, group: z.enum(['covered', 'uncovered']), response: z.number().nullable(), resolution: z.number().nullable(), satisfaction: z.number().nullable() }).strict()),
    cases: z.array(z.object({ month: monthSchema, resolved: z.object(Object.fromEntries(TIERS.map((tier) => [tier, z.number().int().min(0)])) as Record<(typeof TIERS)[number], z.ZodNumber>).strict() }).strict()),
    ticketCount: z.number().int().min(0),
    synthetic: z.boolean().meta({ description: 'An imported extract is marked synthetic (its file name holds 模拟数据), as the demo’s is: the page says so' }),
  })
  .strict()
  .meta({ id: 'HotlineFigures' });

export const getHotlineFigures = defineOperation({
  id: 'getHotlineFigures',
  method: 'GET',
  path: '/api/engagements/:id/hotline/figures',
  tag: 'hotline',
  summary: { zh: '12345 工单对比', en: 'The 12345 comparison' },
  description:
    'Tickets per 1,000 households per month by the 12345 categories mapped to the engagement’s catalogue violations: a 12-month baseline before the engagement’s first month against the months since, covered communities against the street’s others, 每月一题 months marked (and left out of a second set of means), cases resolved per tier per month beside them, and the 三率 per month (the city’s exact formula is unverified).',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ALL_TEAM_ROLES, admins: true },
  params: engagementParams,
  responses: { 200: hotlineFiguresSchema },
});

export const downloadHotlineReport = defineOperation({
  id: 'downloadHotlineReport',
  method: 'GET',
  path: '/api/engagements/:id/hotline/report.xlsx',
  tag: 'hotline',
  summary: { zh: '导出 12345 对比（Excel）', en: 'Export the 12345 comparison (Excel)' },
  description: 'The comparison as a workbook drafted on a worker: 对比汇总, 月度明细 (campaign months highlighted, cases resolved per tier), 三率 and 说明. Content-Disposition carries its Chinese name (RFC 5987).',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ALL_TEAM_ROLES, admins: true },
  params: engagementParams,
  responseEncoding: 'binary',
  responses: { 200: z.file().meta({ description: 'The .xlsx file' }) },
  errors: ['temporarily_unavailable'],
});
