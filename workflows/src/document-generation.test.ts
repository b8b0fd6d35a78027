// Every document kind Gongzhi drafts, generated for one engagement by the generation workflow on a
// real worker, from the engagement's plan, team and knowledge copy — then opened by LibreOffice.
import { randomUUID } from 'node:crypto';
import { type Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertAndRead, hasOfficeTools, nameOfficeTest, pdfOf, readWordText, readZipText } from '@gongzhi/documents/testing';
import { loadOutcomeFacts } from '@gongzhi/db';
import { bankQuestionsFor, civilDateAt, DEFAULT_CASE_PERIODS, evaluateResidentsMeeting, generatorForDeliverable, type GeneratedDocumentKind, parseEngagementPlan, violationEntries } from '@gongzhi/domain';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { SAMPLE_COMMUNITY_PROFILE, waitFor } from '@gongzhi/testing';
import { driveEngagement } from './demo/drive';
import { createTestEngine, engagementRequest, type TestEngine } from './testing/harness';

let engine: TestEngine;

beforeAll(async () => {
  engine = await createTestEngine(injectTestStack());
  await engine.startWorker();
});

afterAll(async () => {
  await engine?.close();
});

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('document generation', () => {
  it(nameOfficeTest('drafts every kind for an engagement, each opened by LibreOffice with its data in it'), { timeout: 240_000 }, async () => {
    const request = engagementRequest(engine.team, { name: '和平里街道“创新社区治理”法律服务项目', clientName: '北京市东城区和平里街道办事处' });
    const { engagementId } = await engine.engagements.startEngagement(request);
    const deliverables = await engine.db.deliverable.findMany({ where: { engagementId }, select: { id: true, key: true }, orderBy: { key: 'asc' } });
    const byKind = new Map<GeneratedDocumentKind, { id: string; key: string }>();
    for (const deliverable of deliverables) {
      const generator = generatorForDeliverable(deliverable.key);
      if (generator && !byKind.has(generator.kind)) byKind.set(generator.kind, deliverable);
    }
    expect([...byKind.keys()].sort()).toEqual(['closing-report', 'joint-enforcement-plan', 'law-compilation', 'open-letter', 'powers-manual', 'powers-table', 'research-report', 'residents-convention', 'self-governance-handbook', 'service-plan', 'violations-list']);

    // The handbook's community has its profile recorded in field research.
    const handbookCommunity = request.communities.find((community) => community.key === byKind.get('self-governance-handbook')!.key.split('~')[1])!;
    await engine.engagements.fieldResearchCommand(engagementId, { type: 'saveProfile', actorId: engine.team.lawyers[0]!, communityKey: handbookCommunity.key, expectedVersion: 0, details: SAMPLE_COMMUNITY_PROFILE });

    // Field research for the report: two residents typed in from paper forms in one community.
    const questionnaireId = randomUUID();
    const researched = await engine.db.community.findFirstOrThrow({ where: { engagementId }, orderBy: { key: 'asc' } });
    await engine.engagements.questionnaireCommand(engagementId, questionnaireId, { type: 'create', actorId: engine.team.lawyers[0], audience: 'residents', title: '居民调查问卷', intro: '', questions: bankQuestionsFor('residents') });
    for (const [years, satisfaction] of [['10年以上', 2], ['3—10年', 3]] as const) {
      await engine.engagements.questionnaireCommand(engagementId, questionnaireId, {
        type: 'enterResponse',
        actorId: engine.team.lawyers[0],
        key: randomUUID(),
        communityId: researched.id,
        answeredOn: '2026-10-15',
        answers: { 'years-lived': years, 'housing-type': '房改房', 'main-problems': ['占用消防通道、堆物堆料'], 'convention-known': '不知道有居民公约', 'owners-committee': '未成立', 'property-satisfaction': satisfaction, 'public-income-disclosed': '从未公示', 'law-awareness': 2 },
      });
    }

    const asked = new Map<GeneratedDocumentKind, string>();
    for (const [kind, deliverable] of byKind) {
      const generationId = randomUUID();
      const input = { generationId, engagementId, deliverableId: deliverable.id, requestedById: engine.team.lawyers[0], at: new Date().toISOString() };
      await engine.engagements.generateDocument(input);
      // Asking again with the same id joins the same generation.
      if (kind === 'service-plan') await engine.engagements.generateDocument(input);
      asked.set(kind, generationId);
    }
    expect(await engine.db.generatedDocument.count({ where: { engagementId } })).toBe(byKind.size);

    const rows = await waitFor(
      () => engine.db.generatedDocument.findMany({ where: { engagementId } }),
      (found) => found.every((row) => row.status !== 'running'),
      120_000,
    );
    expect(rows.map((row) => [row.kind, row.status, row.error])).toEqual(rows.map((row) => [row.kind, 'done', null]));
    expect(await engine.db.deliverableUpload.count({ where: { deliverableId: { in: [...byKind.values()].map((deliverable) => deliverable.id) } } })).toBe(byKind.size);

    const files: Record<string, Buffer> = {};
    for (const [kind, generationId] of asked) {
      const row = rows.find((candidate) => candidate.id === generationId)!;
      expect(row.fileName).toMatch(kind === 'powers-table' || kind === 'violations-list' ? /\.xlsx$/ : /\.docx$/);
      const opened = await engine.files.open(row.storageKey!);
      files[`${kind}.${row.format}`] = await bytesOf(opened!.stream);
    }
    // The workbooks are real spreadsheets: their first sheet has the catalogue's first entry.
    expect(readZipText(files['violations-list.xlsx']!, 'xl/sharedStrings.xml')).toContain('待核实');
    if (!hasOfficeTools) return;
    const pdfs = convertAndRead(files);
    const conventionCommunity = byKind.get('residents-convention')!.key.split('~')[1];
    const conventionName = request.communities.find((community) => community.key === conventionCommunity)!.name;
    expect(pdfOf(pdfs, 'service-plan.docx').compact).toContain('和平里街道');
    expect(pdfOf(pdfs, 'service-plan.docx').compact).toContain('北京市易和律师事务所');
    expect(pdfOf(pdfs, 'powers-manual.docx').compact).toContain('行权手册');
    expect(pdfOf(pdfs, 'law-compilation.docx').compact).toContain('中华人民共和国民法典');
    expect(pdfOf(pdfs, 'law-compilation.docx').compact).toContain('第二百七十八条');
    expect(pdfOf(pdfs, 'violations-list.xlsx').compact).toContain('违法建设');
    expect(pdfOf(pdfs, 'powers-table.xlsx').compact).toContain('待核实');
    expect(pdfOf(pdfs, 'residents-convention.docx').compact).toContain(conventionName);
    const report = pdfOf(pdfs, 'research-report.docx').compact;
    expect(report).toContain('和平里街道社区治理现状调研报告');
    expect(report).toContain(researched.name);
    expect(report).toContain('您在本社区居住了多长时间');
    expect(report).toContain('平均2.5分');
    // Before research has found anything, the plan's priorities and the letter's topic are stand-ins, flagged.
    expect(pdfOf(pdfs, 'joint-enforcement-plan.docx').compact).toContain('社区治理联动执法方案');
    expect(pdfOf(pdfs, 'joint-enforcement-plan.docx').compact).toContain('待核实');
    const letterCommunity = request.communities.find((community) => community.key === byKind.get('open-letter')!.key.split('~')[1])!.name;
    expect(pdfOf(pdfs, 'open-letter.docx').compact).toContain(`致${letterCommunity}居民的公开信`);
    expect(pdfOf(pdfs, 'closing-report.docx').compact).toContain('项目共7个阶段，已完成0个');
    const handbook = pdfOf(pdfs, 'self-governance-handbook.docx').compact;
    expect(handbook).toContain(`${handbookCommunity.name}规范管理自治手册`);
    expect(handbook).toContain('中共测试社区委员会领导');
    expect(handbook).toContain('和平里七区');
    expect(handbook).toContain('王秀兰（主任）');
    expect(handbook).toContain('社区党群服务中心一层调解室');

    // A community without a profile: the generation is refused, saying where to fill it in.
    const other = await engine.db.deliverable.findFirstOrThrow({ where: { engagementId, key: { startsWith: 'self-governance-manual~', not: byKind.get('self-governance-handbook')!.key } }, select: { id: true } });
    const refusedId = randomUUID();
    await engine.engagements.generateDocument({ generationId: refusedId, engagementId, deliverableId: other.id, requestedById: engine.team.lawyers[0], at: new Date().toISOString() });
    const refused = await waitFor(
      () => engine.db.generatedDocument.findUniqueOrThrow({ where: { id: refusedId } }),
      (row) => row.status !== 'running',
      60_000,
    );
    expect([refused.status, refused.error]).toEqual(['failed', expect.stringMatching(/^无法生成：尚未填写.+社区概况/)]);
  });

  it(nameOfficeTest('drafts the joint-enforcement plan, the open letters and the closing report from what a finished engagement recorded'), { timeout: 300_000 }, async () => {
    const request = engagementRequest(engine.team, { name: '安贞街道“创新社区治理”法律服务项目', clientName: '北京市朝阳区安贞街道办事处' });
    const { engagementId } = await engine.engagements.startEngagement(request);
    const plan = parseEngagementPlan((await engine.db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { plan: true } })).plan);
    // A symposium record in the second community, its problem tagged by the lawyer: its letter is about that.
    const second = await engine.db.community.findFirstOrThrow({ where: { engagementId, key: request.communities[1]!.key } });
    await engine.engagements.fieldResearchCommand(engagementId, {
      type: 'recordSession',
      actorId: engine.team.lawyers[0]!,
      sessionId: randomUUID(),
      kind: 'symposium',
      communityId: second.id,
      heldOn: plan.startDate,
      place: `${second.name}党群服务中心`,
      participants: '居委会委员、居民代表',
      headcount: 12,
      notes: '居民反映小区内有人遛狗不拴绳，犬只伤人事件时有发生。',
      problems: [{ id: randomUUID(), description: '遛狗不拴绳、犬吠扰民', violationKey: 'dog-keeping', outsideCatalogue: false }],
    });
    await engine.engagements.fieldResearchCommand(engagementId, { type: 'saveProfile', actorId: engine.team.lawyers[0]!, communityKey: second.key, expectedVersion: 0, details: SAMPLE_COMMUNITY_PROFILE });
    // A case resolved at 德治, and the household recognised in it.
    const caseId = randomUUID();
    const today = civilDateAt(new Date());
    await engine.engagements.reportCase({
      caseId,
      engagementId,
      report: { communityKey: second.key, title: '遛狗不拴绳', description: '3号楼前常有犬只不拴绳。', place: '3号楼前绿地', violationKey: 'dog-keeping', sourceProblemId: null, reportedOn: today, reporterId: engine.team.lawyers[0]! },
      periods: DEFAULT_CASE_PERIODS,
    });
    await engine.engagements.caseCommand(caseId, { type: 'resolve', on: today, summary: '养犬户已出门拴绳', actorId: engine.team.lawyers[0]! });
    await engine.engagements.caseCommand(caseId, { type: 'verify', on: today, passed: true, note: '现场核查', actorId: engine.team.pm });
    await engine.engagements.modelHouseholdCommand(engagementId, { kind: 'record', actorId: engine.team.pm, id: randomUUID(), communityKey: second.key, household: '3号楼2单元 周桂英家', deeds: '主动文明养犬，劝导邻居出门拴绳', recognizedOn: today, recognizedBy: `${second.name}居委会`, caseId });
    await driveEngagement(engine, engagementId, plan, { timeoutMs: 240_000 });

    const wanted = await engine.db.deliverable.findMany({ where: { engagementId, key: { in: ['joint-enforcement-plan', 'closing-report', 'research-report', `open-letter~${request.communities[1]!.key}`, `self-governance-manual~${second.key}`] } }, select: { id: true, key: true } });
    expect(wanted).toHaveLength(5);
    const asked = new Map<string, string>();
    for (const deliverable of wanted) {
      const generationId = randomUUID();
      await engine.engagements.generateDocument({ generationId, engagementId, deliverableId: deliverable.id, requestedById: engine.team.pm, at: new Date().toISOString() });
      asked.set(deliverable.key.split('~')[0]!, generationId);
    }
    const rows = await waitFor(
      () => engine.db.generatedDocument.findMany({ where: { id: { in: [...asked.values()] } } }),
      (found) => found.every((row) => row.status !== 'running'),
      120_000,
    );
    expect(rows.map((row) => [row.kind, row.status, row.error])).toEqual(rows.map((row) => [row.kind, 'done', null]));
    const files: Record<string, Buffer> = {};
    for (const [key, generationId] of asked) files[`${key}.docx`] = await bytesOf((await engine.files.open(rows.find((row) => row.id === generationId)!.storageKey!))!.stream);

    // The findings every community wrote (楼道堆物堆料、占用消防通道; 飞线充电) are the plan's priorities and the letter's subject.
    const plan4 = readWordText(files['joint-enforcement-plan.docx']!);
    for (const key of ['fire-lane-obstruction', 'unsafe-e-bike-charging']) expect(plan4).toContain(violationEntries.find((entry) => entry.key === key)!.title);
    expect(plan4).toContain(`调研中${request.communities.map((community) => community.name).join('、')}反映此问题`);
    const letter = readWordText(files['open-letter.docx']!);
    expect(letter).toContain(`致${request.communities[1]!.name}居民的公开信`);
    expect(letter).toContain('有居民向社区反映“遛狗不拴绳、犬吠扰民”');
    expect(letter).toContain(`${request.communities[1]!.name}居民委员会`);
    // The research report has the symposium record, its problem as the lawyer tagged it (not matched by name).
    const research = readWordText(files['research-report.docx']!);
    expect(research).toContain(`${second.name}在调研中反映“遛狗不拴绳、犬吠扰民”。经承办律师核对，属于违法行为清单中的“${violationEntries.find((entry) => entry.key === 'dog-keeping')!.title}”`);
    expect(research).toContain('居民反映小区内有人遛狗不拴绳');
    // The handbook's problem table starts with the community's own problem.
    const handbook = readWordText(files['self-governance-manual.docx']!);
    const table = handbook.slice(handbook.indexOf('本社区常见问题的处置分工'));
    expect(table.indexOf(violationEntries.find((entry) => entry.key === 'dog-keeping')!.title)).toBeGreaterThan(0);
    expect(table.indexOf(violationEntries.find((entry) => entry.key === 'dog-keeping')!.title)).toBeLessThan(table.indexOf(violationEntries.find((entry) => entry.key === 'fire-lane-obstruction')!.title));
    // The closing report counts what the engagement did.
    const closing = readWordText(files['closing-report.docx']!);
    expect(closing).toContain('项目共7个阶段，已完成7个');
    for (const community of request.communities) expect(closing).toContain(community.name);
    expect(closing).toContain(`${request.communities.length}个社区经居民会议表决通过居民公约`);
    expect(closing).toContain('共处置社区问题1件，已解决1件，解决率100.0%');
    expect(closing).toContain('各社区共认定德治典型（示范户）1户');
    expect(closing).toContain('3号楼2单元 周桂英家');
    // The outcomes page reads the same facts: a valid vote and a filing per community, the trainings, the events, the case.
    const facts = await loadOutcomeFacts(engine.db, engagementId, plan, today);
    expect(facts.conventions.map((convention) => [convention.community, evaluateResidentsMeeting(convention).passed, convention.filedOn !== null]).sort()).toEqual(request.communities.map((community) => [community.name, true, true]).sort());
    expect(facts.trainings.length).toBeGreaterThan(0);
    expect(facts.events.map((event) => event.kind)).toEqual(expect.arrayContaining(['launch-ceremony', 'knowledge-contest', 'art-performance', 'cadre-forum']));
    expect([facts.cases.reported, facts.cases.resolved, facts.modelHouseholds, facts.hotline]).toEqual([1, 1, 1, null]);
    if (!hasOfficeTools) return;
    const pdfs = convertAndRead(files);
    expect(pdfOf(pdfs, 'closing-report.docx').compact).toContain('安贞街道“创新社区治理”法律服务项目总结报告');
  });
});
