// Every document kind Gongzhi drafts, generated for one engagement by the generation workflow on a
// real worker, from the engagement's plan, team and knowledge copy — then opened by LibreOffice.
import { randomUUID } from 'node:crypto';
import { type Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertAndRead, hasOfficeTools, nameOfficeTest, pdfOf, readZipText } from '@gongzhi/documents/testing';
import { bankQuestionsFor, generatorForDeliverable, type GeneratedDocumentKind } from '@gongzhi/domain';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { waitFor } from '@gongzhi/testing';
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
    expect([...byKind.keys()].sort()).toEqual(['law-compilation', 'powers-manual', 'powers-table', 'research-report', 'residents-convention', 'service-plan', 'violations-list']);

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
  });
});
