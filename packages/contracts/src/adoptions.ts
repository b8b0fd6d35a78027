import { z } from 'zod';
import { ADOPTION_INSTRUMENTS, ADOPTION_LIMITS, ADOPTION_STATUSES, OWNERS_MATTERS } from '@gongzhi/domain';
import { civilDateSchema, ENGAGEMENT_WRITE_ERRORS, engagementParamsSchema, idempotencyKeySchema, idSchema, instantSchema, line, localizedTextSchema, prose, userRefSchema } from './common';
import { defineOperation } from './operation';
import { ALL_TEAM_ROLES } from './permissions';

// 民主程序: a community adopts its residents' convention (居民会议, Organic Law Art. 9) or an owners'
// matter (民法典 Art. 278) — 公示, the vote, 备案. One workflow per procedure (`adoption-<id>`)
// writes it, ends the notice on a durable timer and computes each vote's verdict from the law.

export const adoptionStatusSchema = z
  .enum(ADOPTION_STATUSES)
  .meta({ id: 'AdoptionStatus', description: 'notice 公示中, awaiting_meeting 待表决, meeting_failed 表决未通过 (another meeting or a revised draft), awaiting_filing 待备案 (a residents’ convention only), adopted 已通过 (a convention once filed; an owners’ decision once its vote passes — it binds the owners, 民法典 Art. 280; any filing other rules ask of the owners’ bodies is outside this procedure), withdrawn 已撤回' });
export const adoptionInstrumentSchema = z
  .enum(ADOPTION_INSTRUMENTS)
  .meta({ id: 'AdoptionInstrument', description: 'residents_convention: 居民公约, decided by a residents’ meeting (Organic Law Art. 9); owners_rules: a matter the owners decide (管理规约 etc., 民法典 Art. 278)' });
export const ownersMatterSchema = z.enum(OWNERS_MATTERS).meta({ id: 'OwnersMatter', description: 'special: Art. 278 ¶1 items 6–8 (three-quarters); ordinary: the other items (more than half)' });

const headcount = (min: number) => z.number().int().min(min).max(ADOPTION_LIMITS.maxHeadcount);
const area = (min: number) => z.number().min(min).max(ADOPTION_LIMITS.maxArea).meta({ description: 'Exclusive floor area in m² (compared to the hundredth)' });

export const meetingFiguresSchema = z
  .discriminatedUnion('kind', [
    z
      .object({ kind: z.literal('residents'), eligible: headcount(1), attendees: headcount(0), votesFor: headcount(0), votesAgainst: headcount(0), abstentions: headcount(0) })
      .strict()
      .meta({ id: 'ResidentsMeetingFigures', description: 'Those entitled (adult residents, household or group representatives), present, and the tally' }),
    z
      .object({ kind: z.literal('owners'), totalArea: area(0.01), totalOwners: headcount(1), participatingArea: area(0), participatingOwners: headcount(0), areaFor: area(0), ownersFor: headcount(0) })
      .strict()
      .meta({ id: 'OwnersVoteFigures', description: 'All owners’ area and headcount, those who took part, and those in favour' }),
  ])
  .meta({ id: 'MeetingFigures' });

const meetingSchema = z
  .object({
    id: idSchema,
    position: z.number().int().min(1),
    heldOn: civilDateSchema,
    figures: meetingFiguresSchema,
    verdict: z.enum(['passed', 'no_quorum', 'vote_lost']).meta({ description: 'Computed from the figures by the law, never typed in' }),
    explanation: localizedTextSchema.meta({ description: 'Why, with the figures, the thresholds and the provision' }),
    note: prose(ADOPTION_LIMITS.note),
    recordedBy: userRefSchema,
    recordedAt: instantSchema,
  })
  .strict()
  .meta({ id: 'AdoptionMeeting' });

export const adoptionSchema = z
  .object({
    id: idSchema,
    engagementId: idSchema,
    community: z.object({ id: idSchema, name: line(100) }).strict(),
    instrument: adoptionInstrumentSchema,
    matter: ownersMatterSchema.nullable().meta({ description: 'Only for an owners’ matter' }),
    title: line(ADOPTION_LIMITS.title),
    status: adoptionStatusSchema,
    notice: z
      .object({ from: civilDateSchema, to: civilDateSchema, location: line(ADOPTION_LIMITS.location), round: z.number().int().min(1).meta({ description: '2 and up: a revised draft re-noticed' }) })
      .strict()
      .meta({ description: 'The current notice: it ends at the end of its last day, and the vote comes after it' }),
    meetings: z.array(meetingSchema).max(ADOPTION_LIMITS.maxMeetings).meta({ description: 'Oldest first' }),
    filing: z
      .object({ filedOn: civilDateSchema, filedWith: line(ADOPTION_LIMITS.filedWith), filingNo: line(ADOPTION_LIMITS.filingNo).nullable(), by: userRefSchema.nullable() })
      .strict()
      .nullable()
      .meta({ description: 'A residents’ convention’s 备案, once recorded (the procedure is then adopted); always null for an owners’ decision' }),
    drivesTasks: z.boolean().meta({ description: 'A residents’ convention completes the community’s notice, vote and filing tasks itself; they cannot be completed by hand meanwhile (409 `adoption_in_progress`)' }),
    openedBy: userRefSchema,
    openedAt: instantSchema,
    withdrawn: z.object({ at: instantSchema, by: userRefSchema.nullable(), reason: prose(ADOPTION_LIMITS.reason) }).strict().nullable(),
    can: z
      .object({ recordMeeting: z.boolean(), renotice: z.boolean(), file: z.boolean(), withdraw: z.boolean() })
      .strict()
      .meta({ description: 'What the caller may do now: the engagement’s PM, each at its step' }),
  })
  .strict()
  .meta({ id: 'Adoption' });

const adoptionParams = z.object({ id: idSchema, adoptionId: idSchema }).strict();
const ADOPTION_ERRORS = [...ENGAGEMENT_WRITE_ERRORS, 'adoption_closed', 'adoption_out_of_order'] as const;
const links = {
  getAdoption: { operationId: 'getAdoption', parameters: { id: '$response.body#/engagementId', adoptionId: '$response.body#/id' } },
  recordAdoptionMeeting: { operationId: 'recordAdoptionMeeting', parameters: { id: '$response.body#/engagementId', adoptionId: '$response.body#/id' } },
  withdrawAdoption: { operationId: 'withdrawAdoption', parameters: { id: '$response.body#/engagementId', adoptionId: '$response.body#/id' } },
} as const;

export const listAdoptions = defineOperation({
  id: 'listAdoptions',
  method: 'GET',
  path: '/api/engagements/:id/adoptions',
  tag: 'adoptions',
  summary: { zh: '民主程序', en: 'Adoption procedures' },
  description: 'The engagement’s adoption procedures, those in progress first (then the most recently opened), at most 200; `community` filters by community id. The team and the client’s contact alike: the votes are the client’s evidence.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ALL_TEAM_ROLES, admins: true },
  params: engagementParamsSchema,
  query: z.object({ community: idSchema.optional() }).strict(),
  responses: {
    200: z
      .object({ items: z.array(adoptionSchema).max(200), can: z.object({ open: z.boolean() }).strict().meta({ description: 'open: the PM, while the engagement runs' }) })
      .strict()
      .meta({ id: 'Adoptions' }),
  },
});

export const openAdoption = defineOperation({
  id: 'openAdoption',
  method: 'POST',
  path: '/api/engagements/:id/adoptions',
  tag: 'adoptions',
  summary: { zh: '启动民主程序（公示）', en: 'Open an adoption procedure (public notice)' },
  description: `The PM puts a community’s draft on public notice (公示) from \`noticeFrom\` to \`noticeTo\` (at least ${ADOPTION_LIMITS.minNoticeDays} days — the firm’s practice — and at most ${ADOPTION_LIMITS.maxNoticeDays}; started at most ${ADOPTION_LIMITS.maxNoticeBackdateDays} days ago) at \`location\`. A residents’ convention needs the community’s draft approved by the partner (422 otherwise) and has one procedure at a time (409 \`conflict\` while another is in progress or adopted, or when it was filed by hand); it then completes the community’s notice, vote and filing tasks itself. An owners’ matter must name \`matter\` (422 otherwise): the threshold depends on it. With \`idempotencyKey\`, a retry answers with the same procedure (201 again).`,
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm'], admins: false },
  params: engagementParamsSchema,
  body: z
    .object({
      communityId: idSchema,
      instrument: adoptionInstrumentSchema,
      matter: ownersMatterSchema.optional().meta({ description: 'Required for owners_rules (the threshold depends on it), refused otherwise' }),
      title: line(ADOPTION_LIMITS.title).meta({ description: 'e.g. 《朝阳社区居民公约（修订稿）》' }),
      noticeFrom: civilDateSchema,
      noticeTo: civilDateSchema,
      location: line(ADOPTION_LIMITS.location).meta({ description: 'Where the notice is posted (公告栏, 微信群 …)' }),
      idempotencyKey: idempotencyKeySchema.optional(),
    })
    .strict(),
  responses: { 201: adoptionSchema },
  errors: [...ENGAGEMENT_WRITE_ERRORS, 'conflict'],
  links,
});

export const getAdoption = defineOperation({
  id: 'getAdoption',
  method: 'GET',
  path: '/api/engagements/:id/adoptions/:adoptionId',
  tag: 'adoptions',
  summary: { zh: '民主程序详情', en: 'An adoption procedure' },
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ALL_TEAM_ROLES, admins: true },
  params: adoptionParams,
  responses: { 200: adoptionSchema },
});

export const recordAdoptionMeeting = defineOperation({
  id: 'recordAdoptionMeeting',
  method: 'POST',
  path: '/api/engagements/:id/adoptions/:adoptionId/meetings',
  tag: 'adoptions',
  summary: { zh: '登记表决结果', en: 'Record a vote' },
  description: `After the notice has ended, the PM records a meeting (a residents’ meeting’s figures for a convention, the owners’ area and headcount for an owners’ matter) held on \`heldOn\` (after the notice, not in the future, not before the previous meeting). The verdict is computed from the law: passed → a residents’ convention awaits the filing (its vote task completes with these figures), an owners’ decision is adopted (binding once made, 民法典 Art. 280); no quorum or vote lost → \`meeting_failed\` with why, and the procedure waits for another meeting or a revised draft. Figures that cannot be true (more present than entitled, more votes than voters, owners’ area without owners or owners without area) are a 422, not a failed vote. At most ${ADOPTION_LIMITS.maxMeetings} meetings. 409 \`adoption_out_of_order\` while the notice runs (one past its last day is ended first) or once a meeting passed a convention (an owners’ decision adopted by its vote is 409 \`adoption_closed\`). With \`idempotencyKey\`, a retry records nothing more (201 again).`,
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm'], admins: false },
  params: adoptionParams,
  body: z.object({ heldOn: civilDateSchema, figures: meetingFiguresSchema, note: prose(ADOPTION_LIMITS.note).optional(), idempotencyKey: idempotencyKeySchema.optional() }).strict(),
  responses: { 201: adoptionSchema },
  errors: [...ADOPTION_ERRORS, 'conflict'],
});

export const renoticeAdoption = defineOperation({
  id: 'renoticeAdoption',
  method: 'POST',
  path: '/api/engagements/:id/adoptions/:adoptionId/notice',
  tag: 'adoptions',
  summary: { zh: '修改草案后重新公示', en: 'Re-notice a revised draft' },
  description: 'After a failed vote (or before any vote), the PM puts a revised draft on a new notice, starting after the last meeting (or the previous notice); the same bounds as the first notice. 409 `adoption_out_of_order` while on notice or once a meeting passed. With `idempotencyKey`, a retry after the first succeeded answers 200 with the procedure as it is, when its current notice is the one asked for.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm'], admins: false },
  params: adoptionParams,
  body: z.object({ noticeFrom: civilDateSchema, noticeTo: civilDateSchema, location: line(ADOPTION_LIMITS.location), idempotencyKey: idempotencyKeySchema.optional() }).strict(),
  responses: { 200: adoptionSchema },
  errors: [...ADOPTION_ERRORS],
});

export const fileAdoption = defineOperation({
  id: 'fileAdoption',
  method: 'POST',
  path: '/api/engagements/:id/adoptions/:adoptionId/filing',
  tag: 'adoptions',
  summary: { zh: '登记备案', en: 'Record the filing' },
  description: 'After a passing vote on a residents’ convention, the PM records its 备案 with the street office or township government (Organic Law Art. 15; Beijing Measures Art. 18): the day (not before the vote, not in the future), with whom, and the filing number if one was given. The procedure is then adopted and the community’s filing task completes. 409 `adoption_out_of_order` before a vote passed; an owners’ decision has no filing step (409 `adoption_closed` once adopted). With `idempotencyKey`, a retry after the first succeeded answers 200 when the filing on record is the one asked for.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm'], admins: false },
  params: adoptionParams,
  body: z.object({ filedOn: civilDateSchema, filedWith: line(ADOPTION_LIMITS.filedWith), filingNo: line(ADOPTION_LIMITS.filingNo).optional(), idempotencyKey: idempotencyKeySchema.optional() }).strict(),
  responses: { 200: adoptionSchema },
  errors: [...ADOPTION_ERRORS],
});

export const withdrawAdoption = defineOperation({
  id: 'withdrawAdoption',
  method: 'POST',
  path: '/api/engagements/:id/adoptions/:adoptionId/withdrawal',
  tag: 'adoptions',
  summary: { zh: '撤回民主程序', en: 'Withdraw an adoption procedure' },
  description: 'The PM withdraws a procedure not yet adopted, with a reason; a convention’s tasks can then be completed by hand again (or by a new procedure). 409 `adoption_closed` once adopted or withdrawn. With `idempotencyKey`, a retry after the first succeeded answers 200 when the withdrawal on record gives the same reason.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm'], admins: false },
  params: adoptionParams,
  body: z.object({ reason: line(ADOPTION_LIMITS.reason), idempotencyKey: idempotencyKeySchema.optional() }).strict(),
  responses: { 200: adoptionSchema },
  errors: [...ADOPTION_ERRORS],
});

export const downloadAdoptionRecord = defineOperation({
  id: 'downloadAdoptionRecord',
  method: 'GET',
  path: '/api/engagements/:id/adoptions/:adoptionId/record.docx',
  tag: 'adoptions',
  summary: { zh: '导出民主程序记录（Word）', en: 'Export the procedure’s record (Word)' },
  description:
    'The 民主程序记录 drafted on a worker from the procedure’s record as of now: the notice, every comment with its answer, each meeting’s figures with the verdict the law gives them and why, the 备案 (or why an owners’ decision needs none), and the paper originals to attach (sign-in sheet, tally, notice photos, filing receipt). Content-Disposition carries its Chinese name (RFC 5987).',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ALL_TEAM_ROLES, admins: true },
  params: adoptionParams,
  responseEncoding: 'binary',
  responses: { 200: z.file().meta({ description: 'The .docx file' }) },
  errors: ['temporarily_unavailable'],
});

// ─── 公示 comments ──────────────────────────────────────────────────────────────────────────────

const commentLinkParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) }).strict();

export const adoptionCommentSchema = z
  .object({
    id: idSchema,
    round: z.number().int().min(1).meta({ description: 'The notice round of the draft commented on' }),
    clause: z.string().max(ADOPTION_LIMITS.commentClause).meta({ description: 'The clause commented on (第三条 …); empty: the draft as a whole' }),
    body: line(ADOPTION_LIMITS.commentBody),
    signedAs: z.string().max(ADOPTION_LIMITS.commentSignedAs).meta({ description: 'How the resident signed; empty: anonymous' }),
    submittedAt: instantSchema,
    answer: z.object({ text: line(ADOPTION_LIMITS.commentAnswer), by: userRefSchema.nullable(), at: instantSchema }).strict().nullable(),
  })
  .strict()
  .meta({ id: 'AdoptionComment' });

export const listAdoptionComments = defineOperation({
  id: 'listAdoptionComments',
  method: 'GET',
  path: '/api/engagements/:id/adoptions/:adoptionId/comments',
  tag: 'adoptions',
  summary: { zh: '公示意见及答复', en: 'Comments on the notice and the answers' },
  description: 'Every comment residents sent through the procedure’s links, oldest first, with the team’s answers, and how many links were issued and used. The team and the client’s contact alike.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ALL_TEAM_ROLES, admins: true },
  params: adoptionParams,
  responses: {
    200: z
      .object({
        items: z.array(adoptionCommentSchema).max(5000),
        links: z.object({ issued: z.number().int().min(0), used: z.number().int().min(0) }).strict(),
        can: z.object({ issueLinks: z.boolean(), answer: z.boolean() }).strict().meta({ description: 'issueLinks: the PM or a lawyer while the draft is on notice; answer: the PM or a lawyer until the procedure is adopted or withdrawn' }),
      })
      .strict()
      .meta({ id: 'AdoptionComments' }),
  },
});

export const issueAdoptionCommentLinks = defineOperation({
  id: 'issueAdoptionCommentLinks',
  method: 'POST',
  path: '/api/engagements/:id/adoptions/:adoptionId/comment-links',
  tag: 'adoptions',
  summary: { zh: '生成公示意见链接', en: 'Issue comment links' },
  description: `While the draft is on notice, the PM or a lawyer issues up to ${ADOPTION_LIMITS.linksPerIssue} single-use links (for the notice board’s QR code, a household, a WeChat group). Residents comment through them without signing in, one set of comments per link. Each token is in this response only (the server keeps its hash). 409 \`adoption_out_of_order\` when the draft is not on notice.`,
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm', 'lawyer'], admins: false },
  params: adoptionParams,
  body: z.object({ count: z.number().int().min(1).max(ADOPTION_LIMITS.linksPerIssue) }).strict(),
  responses: {
    201: z
      .object({ links: z.array(z.object({ id: idSchema, token: z.string(), path: z.string().meta({ description: 'The page to open, e.g. /c/<token>' }) }).strict()).max(ADOPTION_LIMITS.linksPerIssue) })
      .strict()
      .meta({ id: 'AdoptionCommentLinks' }),
  },
  errors: [...ADOPTION_ERRORS],
});

export const answerAdoptionComment = defineOperation({
  id: 'answerAdoptionComment',
  method: 'PUT',
  path: '/api/engagements/:id/adoptions/:adoptionId/comments/:commentId/answer',
  tag: 'adoptions',
  summary: { zh: '答复公示意见', en: 'Answer a comment' },
  description: 'The PM or a lawyer answers a resident’s comment (adopted into the draft, explained, …); answering again replaces the answer. Until the procedure is adopted or withdrawn (409 `adoption_closed`). The same answer again changes nothing.',
  permission: { auth: 'engagement', resource: 'engagement', teamRoles: ['pm', 'lawyer'], admins: false },
  params: z.object({ id: idSchema, adoptionId: idSchema, commentId: idSchema }).strict(),
  body: z.object({ answer: line(ADOPTION_LIMITS.commentAnswer) }).strict(),
  responses: { 200: adoptionCommentSchema },
  errors: [...ADOPTION_ERRORS],
});

export const getPublicAdoptionDraft = defineOperation({
  id: 'getPublicAdoptionDraft',
  method: 'GET',
  path: '/api/public/adoption-comments/:token',
  tag: 'adoptions',
  summary: { zh: '公示征求意见（无需登录）', en: 'A draft on notice, for comments (no sign-in)' },
  description: 'What a resident sees through a comment link: the draft’s title, the community, who asks, the notice period and where the full text is posted. 404 for an unknown token; 409 `link_used` once comments were sent through it, `notice_over` once the notice has ended.',
  permission: { auth: 'public' },
  params: commentLinkParams,
  responses: {
    200: z
      .object({
        title: line(ADOPTION_LIMITS.title),
        community: line(100),
        askedBy: line(300).meta({ description: 'The community’s residents’ committee (for an owners’ matter, assisting the owners)' }),
        instrument: adoptionInstrumentSchema,
        noticeFrom: civilDateSchema,
        noticeTo: civilDateSchema,
        location: line(ADOPTION_LIMITS.location),
        limits: z.object({ comments: z.number().int(), body: z.number().int(), clause: z.number().int(), signedAs: z.number().int() }).strict(),
      })
      .strict()
      .meta({ id: 'PublicAdoptionDraft' }),
  },
  errors: ['link_used', 'notice_over'],
});

export const submitPublicAdoptionComments = defineOperation({
  id: 'submitPublicAdoptionComments',
  method: 'POST',
  path: '/api/public/adoption-comments/:token',
  tag: 'adoptions',
  summary: { zh: '提交公示意见（无需登录）', en: 'Send comments (no sign-in)' },
  description: `One set of 1–${ADOPTION_LIMITS.commentsPerLink} comments per link, each on a clause (or the whole draft), optionally signed: a second set is 409 \`link_used\`; after the notice, 409 \`notice_over\`. A comment left blank is a 422 naming it (\`comments.<n>.body\`); nothing is recorded then and the link stays usable.`,
  permission: { auth: 'public' },
  params: commentLinkParams,
  body: z
    .object({
      comments: z
        .array(z.object({ clause: prose(ADOPTION_LIMITS.commentClause).optional(), body: prose(ADOPTION_LIMITS.commentBody) }).strict())
        .min(1)
        .max(ADOPTION_LIMITS.commentsPerLink),
      signedAs: prose(ADOPTION_LIMITS.commentSignedAs).optional().meta({ description: 'e.g. 3号楼居民 王女士; leave out to comment anonymously' }),
    })
    .strict()
    .meta({ id: 'SubmitPublicAdoptionComments' }),
  responses: { 201: z.object({ received: z.literal(true) }).strict() },
  errors: ['form_invalid', 'link_used', 'notice_over', 'temporarily_unavailable'],
});
