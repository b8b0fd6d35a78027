import { type Db } from '@gongzhi/db';
import { writeTable } from '@gongzhi/documents';
import { addMonths, suggestHotlineMapping } from '@gongzhi/domain';
import { type FileStore } from '@gongzhi/storage';
import { type EngagementClient } from '../client';

/**
 * A synthetic 12345 extract for the demo street, month by month from a year before the engagement to
 * last month, imported through the hotline workflow like a real one. Its file names say 模拟数据 and
 * the page says so: the figures show the method, not any street's real tickets. Deterministic, so a
 * re-seed makes the same tickets.
 */

const COVERED = [
  { name: '和平里北社区', street: '和平里北街', households: 3126 },
  { name: '安定门社区', street: '安德路', households: 2217 },
  { name: '青年湖社区', street: '青年湖北街', households: 1875 },
  { name: '兴化社区', street: '兴化西里', households: 2460 },
  { name: '和平里西社区', street: '和平里西街', households: 2380 },
];
/** The street's other communities: the comparison's control group. */
const OTHERS = [
  { name: '和平里东社区', street: '和平里东街', households: 2650 },
  { name: '和平里南社区', street: '和平里南口', households: 2040 },
  { name: '地坛社区', street: '地坛北门', households: 1790 },
];

/** 12345 categories (two levels) and their monthly tickets per 1,000 households before the engagement. */
const CATEGORIES: { category: string; rate: number; mapped: boolean }[] = [
  { category: '城乡建设/违法建设', rate: 0.55, mapped: true },
  { category: '公共安全/消防安全/楼道堆物', rate: 0.7, mapped: true },
  { category: '公共安全/消防安全/电动自行车充电', rate: 0.6, mapped: true },
  { category: '交通管理/停车管理/地锁地桩', rate: 0.45, mapped: true },
  { category: '环境保护/噪声扰民', rate: 0.8, mapped: true },
  { category: '城市管理/养犬管理', rate: 0.3, mapped: true },
  { category: '城市管理/垃圾分类', rate: 0.35, mapped: true },
  { category: '住房管理/物业管理', rate: 1.2, mapped: true },
  { category: '城乡建设/供暖', rate: 0.9, mapped: false },
  { category: '市政设施/道路破损', rate: 0.4, mapped: false },
];

const UNITS = ['和平里街道办事处', '街道综合行政执法队', '和平里派出所', '东城消防救援支队', '社区居委会'];

/** mulberry32: a small seeded generator, so the demo is the same every time. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Poisson draw (Knuth): tickets of one category, community and month. */
function poisson(mean: number, next: () => number) {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k += 1;
    p *= next();
  } while (p > limit);
  return k - 1;
}

const HEADER = ['工单编号', '受理时间', '诉求分类', '诉求地址', '所属社区', '承办单位', '办理结果', '是否响应', '是否解决', '是否满意'];

/** One month's extract as the street's export would have it; during the engagement the covered communities' mapped tickets fall. */
export function demoHotlineMonth(month: string, engagementStart: string, campaigns: Map<string, string>): (string | number)[][] {
  const next = random(Number(month.replace('-', '')));
  const [year, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const monthsIn = month >= engagementStart ? (Number(month.slice(0, 4)) - Number(engagementStart.slice(0, 4))) * 12 + m - Number(engagementStart.slice(5)) + 1 : 0;
  const rows: (string | number)[][] = [HEADER];
  let serial = 0;
  for (const community of [...COVERED.map((c) => ({ ...c, covered: true })), ...OTHERS.map((c) => ({ ...c, covered: false }))]) {
    for (const { category, rate, mapped } of CATEGORIES) {
      // Winter heating complaints; a campaign month draws more tickets of its kind everywhere.
      const season = category.includes('供暖') ? ([11, 12, 1, 2, 3].includes(m) ? 2.2 : 0.2) : 1;
      const campaign = campaigns.get(month) && category.includes('电动自行车') ? 1.8 : 1;
      const effect = mapped && community.covered && monthsIn > 0 ? Math.max(0.5, 1 - 0.18 * monthsIn) : mapped && monthsIn > 0 ? 0.97 : 1;
      const count = poisson((community.households / 1000) * rate * season * campaign * effect, next);
      for (let i = 0; i < count; i += 1) {
        serial += 1;
        const day = 1 + Math.floor(next() * days);
        const hour = 7 + Math.floor(next() * 14);
        const minute = Math.floor(next() * 60);
        const resolved = next() < (monthsIn > 0 && community.covered ? 0.95 : 0.9);
        const satisfied = resolved ? (next() < 0.9 ? '满意' : '基本满意') : next() < 0.5 ? '不满意' : '基本满意';
        // Some extracts name the community only in the address.
        const addressOnly = next() < 0.15;
        rows.push([
          `${month.replace('-', '')}${String(serial).padStart(5, '0')}`,
          `${month}-${String(day).padStart(2, '0')} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00`,
          category,
          `北京市东城区和平里街道${community.name}${community.street}${1 + Math.floor(next() * 30)}号楼`,
          addressOnly ? '' : community.name,
          UNITS[Math.floor(next() * UNITS.length)]!,
          resolved ? '已办结' : '已反馈，持续跟进',
          next() < 0.98 ? '是' : '否',
          resolved ? '是' : '否',
          satisfied,
        ]);
      }
    }
  }
  return rows;
}

export async function seedDemoHotline({ db, engagements, engagementId, store, pmId, lawyerId }: { db: Db; engagements: EngagementClient; engagementId: string; store: FileStore; pmId: string; lawyerId: string }): Promise<void> {
  if ((await db.hotlineImport.count({ where: { engagementId } })) > 0) return;
  const engagement = await db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { startDate: true } });
  const start = engagement.startDate.toISOString().slice(0, 7);
  const campaigns = new Map([[addMonths(start, -4), '电动自行车充电安全']]);
  await engagements.hotlineCommand(engagementId, {
    kind: 'settings',
    actorId: pmId,
    // 和平里西社区 has no profile yet: its households are entered here.
    communities: [COVERED[4]!, ...OTHERS].map(({ name, households }) => ({ name, households })),
    campaigns: [...campaigns].map(([month, topic]) => ({ month, topic })),
    expectedVersion: 0,
  });
  const now = new Date(Date.now() + 8 * 3600_000);
  const lastMonth = addMonths(`${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`, -1);
  for (let month = addMonths(start, -12); month <= lastMonth; month = addMonths(month, 1)) {
    const rows = demoHotlineMonth(month, start, campaigns);
    const stored = await store.put(await writeTable(rows, '工单明细'));
    const importId = `0195f2a0-0000-7000-8000-0000${month.replace('-', '')}00`;
    await engagements.hotlineCommand(engagementId, { kind: 'stage', actorId: lawyerId, importId, month, fileName: `【模拟数据】和平里街道12345工单明细${month}.xlsx`, ...stored });
    await engagements.hotlineCommand(engagementId, { kind: 'commit', actorId: lawyerId, importId, mapping: suggestHotlineMapping(HEADER) });
  }
}
