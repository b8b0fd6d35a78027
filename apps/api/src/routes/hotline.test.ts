// The street's 12345 extracts over HTTP, on the real worker: a file that is no table is refused and
// nothing is kept; a month with bad rows imports nothing and says which rows; a good month imports;
// importing a month again replaces it whole; the comparison and its workbook count what is on record.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readTable } from '@gongzhi/documents';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { createEngagement } from '../testing/fixtures';
import { type Credentials, type TestApi, createTestApi, multipartBody } from '../testing/harness';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi({ ...injectTestStack(), workflowBundlePath: inject('workflowBundlePath') });
});

afterAll(async () => {
  await api?.close();
});

type HotlineImport = { id: string; month: string; status: string; headers: string[]; sample: string[][]; rowCount: number; suggestedMapping: Record<string, number>; ticketCount: number | null };
type ErrorBody = { error: { code: string; message: string; fieldErrors?: { field: string; message: string }[] } };

const HEADER = '工单编号,受理时间,问题分类,所属社区,诉求地址,是否响应,是否解决,是否满意';
const csv = (rows: string[]) => Buffer.from(`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`);

describe('12345 imports', () => {
  it('stage, refuse bad rows whole, import, replace a month, and feed the comparison and its workbook', { timeout: 180_000 }, async () => {
    const { engagement } = await createEngagement(api); // starts 2030-03
    const [lawyer, pm, client] = await Promise.all([api.sessionFor('lawyer'), api.sessionFor('pm'), api.sessionFor('client')]);
    const base = `/api/engagements/${engagement.id}/hotline`;
    const stage = (session: Credentials, month: string, fileName: string, content: Buffer, extra: { name: string; value: string }[] = []) =>
      api.request(session, { method: 'POST', url: `${base}/imports`, ...multipartBody([{ name: 'file', fileName, contentType: 'text/csv', content }, { name: 'month', value: month }, ...extra]) });
    const commit = (session: Credentials, importId: string, mapping: Record<string, number | null>, language = 'zh-CN') =>
      api.request(session, { method: 'POST', url: `${base}/imports/${importId}/commit`, payload: { mapping }, headers: { 'accept-language': language } });

    // Households: the engagement's communities have no profile yet, so the PM enters them; 龙潭社区 is the street's other community.
    const settings = await api.request(pm, {
      method: 'PUT',
      url: `${base}/settings`,
      payload: { communities: [{ name: '朝阳社区', households: 2000 }, { name: '和平社区', households: 2000 }, { name: '龙潭社区', households: 1000 }], campaigns: [{ month: '2030-04', topic: '违法建设专项治理' }], expectedVersion: 0 },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    expect(settings.json()).toMatchObject({ version: 1, coveredCommunities: [{ name: '朝阳社区', households: 2000, source: 'settings' }, { name: '和平社区', households: 2000, source: 'settings' }] });
    const stale = await api.request(pm, { method: 'PUT', url: `${base}/settings`, payload: { communities: [], campaigns: [], expectedVersion: 0 } });
    expect([stale.statusCode, stale.json<ErrorBody>().error.code]).toEqual([409, 'conflict']);
    const twice = await api.request(pm, { method: 'PUT', url: `${base}/settings`, payload: { communities: [], campaigns: [{ month: '2030-04', topic: '甲' }, { month: '2030-04', topic: '乙' }], expectedVersion: 1 } });
    expect([twice.statusCode, twice.json<ErrorBody>().error.fieldErrors?.[0]?.field]).toEqual([422, 'campaigns.1.month']);
    // The client's contact reads the figures but does not import.
    expect((await stage(client, '2030-03', 'x.csv', csv([]))).statusCode).toBe(403);

    // Not a table: refused, nothing staged.
    const pdf = await stage(lawyer, '2030-03', '工单.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n'));
    expect([pdf.statusCode, pdf.json<ErrorBody>().error.code]).toEqual([422, 'hotline_file_unreadable']);
    const headerOnly = await stage(lawyer, '2030-03', '工单.csv', csv([]));
    expect([headerOnly.statusCode, headerOnly.json<ErrorBody>().error.fieldErrors?.[0]?.field]).toEqual([422, 'file']);
    const badMonth = await stage(lawyer, '2030-13', '工单.csv', csv(['A1,2030-03-01 09:00,违法建设,朝阳社区,,是,是,满意']));
    expect(badMonth.statusCode).toBe(400);
    expect(await api.db.hotlineImport.count({ where: { engagementId: engagement.id } })).toBe(0);

    // A baseline month, staged with a key: a retry answers the same import; the key with another month is a conflict.
    const baselineFile = csv(['B1,2029-03-02 09:00,城乡建设/违法建设,朝阳社区,,是,是,满意', 'B2,2029-03-09 10:30,违法建设,,和平社区3号楼,是,否,不满意', 'B3,2029-03-15 08:00,违法建设,,和平社区5号楼,是,是,基本满意', 'B4,2029-03-20 08:00,违法建设,龙潭社区,,是,是,满意', 'B5,2029-03-21 08:00,供暖问题,朝阳社区,,是,是,满意']);
    const staged = await stage(lawyer, '2029-03', '2029年3月工单.csv', baselineFile, [{ name: 'idempotencyKey', value: 'stage-2029-03' }]);
    expect(staged.statusCode, staged.body).toBe(201);
    const baseline = staged.json<HotlineImport>();
    expect(baseline).toMatchObject({ month: '2029-03', status: 'staged', rowCount: 5, ticketCount: null, suggestedMapping: { ticketId: 0, receivedAt: 1, category: 2, community: 3, address: 4, responded: 5, resolved: 6, satisfaction: 7 } });
    expect(baseline.headers[0]).toBe('工单编号');
    const retried = await stage(lawyer, '2029-03', '2029年3月工单.csv', baselineFile, [{ name: 'idempotencyKey', value: 'stage-2029-03' }]);
    expect([retried.statusCode, retried.json<HotlineImport>().id]).toEqual([201, baseline.id]);
    const reused = await stage(lawyer, '2029-04', '2029年3月工单.csv', baselineFile, [{ name: 'idempotencyKey', value: 'stage-2029-03' }]);
    expect([reused.statusCode, reused.json<ErrorBody>().error.code]).toEqual([409, 'conflict']);
    const imported = await commit(lawyer, baseline.id, baseline.suggestedMapping);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ status: 'imported', ticketCount: 5 });
    // Tickets named by address count for the community the address names.
    expect((await api.db.hotlineTicket.findUniqueOrThrow({ where: { engagementId_ticketId: { engagementId: engagement.id, ticketId: 'B2' } } })).community).toBe('和平社区');

    // A month with bad rows: nothing imported, every bad row named, in the caller's language.
    const bad = (await stage(lawyer, '2030-03', '2030年3月工单.csv', csv(['C1,2030-03-02 09:00,违法建设,朝阳社区,,是,是,满意', 'C1,2030-04-01 09:00,违法建设,朝阳社区,,是,是,满意', 'C3,上周三,,,,也许,是,满意']))).json<HotlineImport>();
    const refused = await commit(lawyer, bad.id, bad.suggestedMapping);
    expect([refused.statusCode, refused.json<ErrorBody>().error.code]).toEqual([422, 'hotline_rows_invalid']);
    expect(refused.json<ErrorBody>().error.fieldErrors!.map((error) => error.field)).toEqual(['rows.3.ticketId', 'rows.3.receivedAt', 'rows.4.receivedAt', 'rows.4.category', 'rows.4.community', 'rows.4.responded']);
    expect(refused.json<ErrorBody>().error.fieldErrors![1]!.message).toBe('第 3 行（受理时间）：受理时间不在导入月份 2030-03 内');
    const inEnglish = await commit(lawyer, bad.id, bad.suggestedMapping, 'en');
    expect(inEnglish.json<ErrorBody>().error.fieldErrors![0]!.message).toBe('Row 3 (Ticket id): Ticket C1 repeats row 2');
    const unmapped = await commit(lawyer, bad.id, { ticketId: 0, receivedAt: 0 });
    expect(unmapped.json<ErrorBody>().error.fieldErrors!.map((error) => error.field)).toEqual(['mapping.category', 'mapping.community', 'mapping.receivedAt']);
    expect(await api.db.hotlineTicket.count({ where: { engagementId: engagement.id, month: '2030-03' } })).toBe(0);
    expect((await api.request(lawyer, { method: 'GET', url: `${base}/imports/${bad.id}` })).json()).toMatchObject({ status: 'staged' });

    // The corrected month imports; importing it again replaces it whole.
    const first = (await stage(lawyer, '2030-03', '2030年3月工单.csv', csv(['C1,2030-03-02 09:00,违法建设,朝阳社区,,是,是,满意', 'C2,2030-03-05 09:00,违法建设,龙潭社区,,是,是,满意']))).json<HotlineImport>();
    expect((await commit(lawyer, first.id, first.suggestedMapping)).json()).toMatchObject({ status: 'imported', ticketCount: 2 });
    const second = (await stage(pm, '2030-03', '2030年3月工单（更正）.csv', csv(['C1,2030-03-02 09:00,违法建设,朝阳社区,,是,是,满意', 'C9,2030-03-28 16:00,违法建设,和平社区,,是,是,满意', 'C10,2030-03-29 16:00,供暖问题,和平社区,,否,否,不满意']))).json<HotlineImport>();
    expect((await commit(pm, second.id, second.suggestedMapping)).json()).toMatchObject({ status: 'imported', ticketCount: 3 });
    expect((await api.db.hotlineTicket.findMany({ where: { engagementId: engagement.id, month: '2030-03' }, orderBy: { ticketId: 'asc' } })).map((ticket) => ticket.ticketId)).toEqual(['C1', 'C10', 'C9']);
    // Importing it again with the same mapping (in another order) answers the import; another mapping needs a new upload.
    const reordered = Object.fromEntries(Object.entries(second.suggestedMapping).reverse());
    expect((await commit(pm, second.id, reordered)).json()).toMatchObject({ status: 'imported', ticketCount: 3 });
    const remapped = await commit(pm, second.id, { ...second.suggestedMapping, satisfaction: null });
    expect([remapped.statusCode, remapped.json<ErrorBody>().error.code]).toEqual([409, 'conflict']);
    // The first import is superseded: committing it again would bring the old month back, so it is refused.
    const stale2 = await commit(lawyer, first.id, first.suggestedMapping);
    expect([stale2.statusCode, stale2.json<ErrorBody>().error.code]).toEqual([409, 'conflict']);
    // A ticket already imported for another month is the wrong month's extract.
    const wrong = (await stage(lawyer, '2030-04', '2030年4月工单.csv', csv(['C9,2030-04-02 09:00,违法建设,和平社区,,是,是,满意']))).json<HotlineImport>();
    const conflicted = await commit(lawyer, wrong.id, wrong.suggestedMapping);
    expect([conflicted.statusCode, conflicted.json<ErrorBody>().error.fieldErrors?.[0]?.message]).toEqual([422, '工单 C9 已在 2030-03 的明细中导入，请确认文件的月份']);

    // An older upload of a month never replaces a newer one already imported.
    const older = (await stage(lawyer, '2030-05', '2030年5月工单.csv', csv(['E1,2030-05-02 09:00,违法建设,朝阳社区,,是,是,满意']))).json<HotlineImport>();
    const newer = (await stage(lawyer, '2030-05', '2030年5月工单（更正）.csv', csv(['E1,2030-05-02 09:00,违法建设,朝阳社区,,是,是,满意', 'E2,2030-05-03 09:00,违法建设,和平社区,,是,是,满意']))).json<HotlineImport>();
    expect((await commit(lawyer, newer.id, newer.suggestedMapping)).statusCode).toBe(200);
    const outdated = await commit(lawyer, older.id, older.suggestedMapping);
    expect([outdated.statusCode, outdated.json<ErrorBody>().error.code]).toEqual([409, 'conflict']);
    expect(await api.db.hotlineTicket.count({ where: { engagementId: engagement.id, month: '2030-05' } })).toBe(2);

    const list = (await api.request(client, { method: 'GET', url: `${base}/imports` })).json<{ items: HotlineImport[] }>().items;
    expect(list.filter((row) => row.month === '2030-03').map((row) => row.status)).toEqual(['imported', 'superseded', 'staged']);

    // The comparison: covered 4,000 households; baseline 2029-03 had 3 mapped tickets in covered communities (0.75 per 1,000), 2030-03 has 2 (0.5).
    const figures = (await api.request(client, { method: 'GET', url: `${base}/figures` })).json<{
      startMonth: string;
      baselineMonths: { imported: number };
      households: { covered: number; uncovered: number };
      series: { key: string; covered: { baseline: number; engagement: number; change: number }; uncovered: { baseline: number; engagement: number } }[];
      unmapped: number;
      ticketCount: number;
    }>();
    expect(figures).toMatchObject({ startMonth: '2030-03', baselineMonths: { imported: 1 }, households: { covered: 4000, uncovered: 1000 }, unmapped: 2, ticketCount: 10 });
    expect(figures.series[0]).toMatchObject({ key: 'all-mapped', covered: { baseline: 0.75, engagement: 0.5, change: -0.333 }, uncovered: { baseline: 1, engagement: 0 } });

    const report = await api.request(client, { method: 'GET', url: `${base}/report.xlsx` });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(report.headers['content-disposition']))).toContain('12345 接诉即办对比');
    // The first sheet, 对比汇总, as a reader opens it: the all-categories row with the covered figures.
    const summary = await readTable(report.rawPayload, 'report.xlsx');
    expect(summary.ok && summary.rows[3]!.slice(0, 6)).toEqual(['1', '全部对应类别（待核实）', expect.stringMatching(/^以下各项对应的全部 \d+ 个类别/), '0.75', '0.50', '-33.3%']);
    expect(await api.db.auditEvent.count({ where: { engagementId: engagement.id, action: 'hotline.month_imported' } })).toBe(4);
  });
});
