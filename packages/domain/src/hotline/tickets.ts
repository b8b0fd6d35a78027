import { z } from 'zod';
import { type LocalizedText } from '../template/schema';

/**
 * A street's monthly 12345 接诉即办 ticket extract, as Gongzhi reads it. Districts export different
 * columns under different names (governance-systems.md: the field list is unverified), so the person
 * importing maps each field to a column; `suggestHotlineMapping` guesses from the usual headers.
 */
export const HOTLINE_FIELDS = ['ticketId', 'receivedAt', 'category', 'community', 'address', 'handlingUnit', 'result', 'responded', 'resolved', 'satisfaction'] as const;
export type HotlineField = (typeof HOTLINE_FIELDS)[number];

/** Which column (0-based) holds each field; null or absent: the extract has none. */
export type HotlineMapping = Partial<Record<HotlineField, number | null>>;

export const hotlineMappingSchema = z
  .object(Object.fromEntries(HOTLINE_FIELDS.map((field) => [field, z.number().int().min(0).max(499).nullable().optional()])) as Record<HotlineField, z.ZodOptional<z.ZodNullable<z.ZodNumber>>>)
  .strict();

export const hotlineFieldLabels: Record<HotlineField, LocalizedText> = {
  ticketId: { zh: '工单编号', en: 'Ticket id' },
  receivedAt: { zh: '受理时间', en: 'Received at' },
  category: { zh: '问题分类', en: 'Category' },
  community: { zh: '所属社区', en: 'Community' },
  address: { zh: '诉求地址', en: 'Address' },
  handlingUnit: { zh: '承办单位', en: 'Handling unit' },
  result: { zh: '办理结果', en: 'Result' },
  responded: { zh: '是否响应', en: 'Responded' },
  resolved: { zh: '是否解决', en: 'Resolved' },
  satisfaction: { zh: '是否满意', en: 'Satisfaction' },
};

/** A month as `YYYY-MM`. */
export const hotlineMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'a month as YYYY-MM' });

export const SATISFACTIONS = ['satisfied', 'basic', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export interface HotlineTicket {
  ticketId: string;
  /** ISO instant; the extract's local times are Beijing time. */
  receivedAt: string;
  category: string;
  /** The community the ticket is counted for: a named one (covered or not) or null when neither column names one. */
  community: string | null;
  address: string | null;
  handlingUnit: string | null;
  result: string | null;
  responded: boolean | null;
  resolved: boolean | null;
  satisfaction: Satisfaction | null;
}

export interface HotlineRowProblem {
  /** The spreadsheet's row number: the header is row 1. */
  row: number;
  field: HotlineField | null;
  message: LocalizedText;
}

export const HOTLINE_LIMITS = { maxRows: 50_000, maxProblems: 200, maxCell: 500 } as const;

const ALIASES: Record<HotlineField, string[]> = {
  ticketId: ['工单编号', '工单号', '受理编号', '诉求编号', '编号', 'ticketid', 'ticket'],
  receivedAt: ['受理时间', '来电时间', '登记时间', '派单时间', '创建时间', '接收时间', 'receivedat', 'time'],
  category: ['问题分类', '诉求分类', '事项分类', '派单分类', '三级分类', '分类', '类别', 'category'],
  community: ['所属社区', '社区名称', '社区', 'community'],
  address: ['诉求地址', '事发地址', '问题地址', '地址', 'address'],
  handlingUnit: ['承办单位', '办理单位', '主办单位', '处理单位', 'handlingunit', 'unit'],
  result: ['办理结果', '处理结果', '办结情况', '结果', 'result'],
  responded: ['是否响应', '响应情况', '响应', 'responded'],
  resolved: ['是否解决', '解决情况', '解决', 'resolved'],
  satisfaction: ['是否满意', '满意情况', '满意度', '满意', 'satisfaction'],
};

const normalizeHeader = (header: string) => header.replace(/[\s_\-（）()]/g, '').toLowerCase();

/** The columns the usual header names point to; each column is taken once, the first alias that fits wins. */
export function suggestHotlineMapping(headers: readonly string[]): HotlineMapping {
  const normalized = headers.map(normalizeHeader);
  const taken = new Set<number>();
  const mapping: HotlineMapping = {};
  for (const exact of [true, false]) {
    for (const field of HOTLINE_FIELDS) {
      if (mapping[field] !== undefined) continue;
      for (const alias of ALIASES[field]) {
        const index = normalized.findIndex((header, i) => !taken.has(i) && header !== '' && (exact ? header === alias : alias.length > 1 && header.includes(alias)));
        if (index >= 0) {
          mapping[field] = index;
          taken.add(index);
          break;
        }
      }
    }
  }
  return mapping;
}

/** A mapping with its fields in one order and the absent ones left out: two mappings that say the same are equal as JSON. */
export function canonicalHotlineMapping(mapping: HotlineMapping): HotlineMapping {
  return Object.fromEntries(HOTLINE_FIELDS.flatMap((field) => (mapping[field] === undefined || mapping[field] === null ? [] : [[field, mapping[field]]])));
}

/** What is wrong with a mapping before any row is read: required fields, columns that do not exist, one column twice. */
export function hotlineMappingProblems(mapping: HotlineMapping, columnCount: number): HotlineRowProblem[] {
  const problems: HotlineRowProblem[] = [];
  const need = (field: HotlineField) => {
    if (mapping[field] === undefined || mapping[field] === null) {
      problems.push({ row: 1, field, message: { zh: `请指定“${hotlineFieldLabels[field].zh}”所在的列`, en: `Choose the column that holds “${hotlineFieldLabels[field].en}”` } });
    }
  };
  need('ticketId');
  need('receivedAt');
  need('category');
  if ((mapping.community ?? null) === null && (mapping.address ?? null) === null) {
    problems.push({ row: 1, field: 'community', message: { zh: '请至少指定“所属社区”或“诉求地址”所在的列', en: 'Choose the column of the community or of the address' } });
  }
  const seen = new Map<number, HotlineField>();
  for (const field of HOTLINE_FIELDS) {
    const column = mapping[field];
    if (column === undefined || column === null) continue;
    if (column >= columnCount) {
      problems.push({ row: 1, field, message: { zh: `文件只有 ${columnCount} 列，没有第 ${column + 1} 列`, en: `The file has ${columnCount} columns, not a column ${column + 1}` } });
    }
    const other = seen.get(column);
    if (other) {
      problems.push({ row: 1, field, message: { zh: `第 ${column + 1} 列已指定为“${hotlineFieldLabels[other].zh}”`, en: `Column ${column + 1} is already “${hotlineFieldLabels[other].en}”` } });
    }
    seen.set(column, field);
  }
  return problems;
}

// 已办结 (handling finished) is not 已解决 (resolved): it is not read as a yes.
const YES = new Set(['是', '已响应', '响应', '已解决', '解决', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', '未响应', '未解决', '不解决', 'n', 'no', 'false', '0']);
const SATISFACTION: Record<string, Satisfaction> = {
  满意: 'satisfied',
  非常满意: 'satisfied',
  是: 'satisfied',
  基本满意: 'basic',
  一般: 'basic',
  不满意: 'unsatisfied',
  非常不满意: 'unsatisfied',
  否: 'unsatisfied',
  satisfied: 'satisfied',
  basic: 'basic',
  unsatisfied: 'unsatisfied',
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A received-at cell as an ISO instant, Beijing time (UTC+8, no daylight saving): `2026-03-05 14:22:10`,
 * `2026/3/5 14:22`, `2026年3月5日 14时22分`, `2026-03-05T06:22:10.000Z` (a spreadsheet date cell, as read).
 */
export function parseHotlineTime(value: string): string | null {
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const at = new Date(text);
    return Number.isNaN(at.getTime()) ? null : at.toISOString();
  }
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[\sT]+(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2}))?秒?)?$/.exec(text.replace(/分$/, ''));
  if (!match) return null;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part))) as number[];
  if (month! < 1 || month! > 12 || day! < 1 || day! > 31 || hour! > 23 || minute! > 59 || second! > 59) return null;
  const at = new Date(`${year}-${pad(month!)}-${pad(day!)}T${pad(hour!)}:${pad(minute!)}:${pad(second!)}+08:00`);
  // 2026-02-30 rolls over in Date; refuse it rather than count it in March.
  if (Number.isNaN(at.getTime()) || beijingMonthOf(at.toISOString()) !== `${year}-${pad(month!)}` || new Date(at.getTime() + 8 * 3600_000).getUTCDate() !== day) return null;
  return at.toISOString();
}

/** The month (`YYYY-MM`) of an instant in Beijing time. */
export function beijingMonthOf(iso: string): string {
  const local = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}`;
}

/**
 * The community a ticket counts for: a known community whose name the community or address cell
 * contains (the longest such name, so 东花市北里东区社区 beats 东花市北里社区), else the community
 * cell as written, else null.
 */
export function resolveHotlineCommunity(communityCell: string | null, addressCell: string | null, knownNames: readonly string[]): string | null {
  const byLength = [...knownNames].sort((a, b) => b.length - a.length);
  for (const cell of [communityCell, addressCell]) {
    if (!cell) continue;
    const known = byLength.find((name) => cell.includes(name));
    if (known) return known;
  }
  return communityCell && communityCell.length > 0 ? communityCell : null;
}

export interface HotlineRowsResult {
  tickets: HotlineTicket[];
  problems: HotlineRowProblem[];
  /** How many problems there were in all; `problems` keeps the first HOTLINE_LIMITS.maxProblems. */
  problemCount: number;
}

/**
 * The tickets of one month's extract (`table[0]` is the header row), or every row that is wrong and
 * why: a missing or repeated ticket id, a time that is not one or falls outside the month, a
 * category or community missing, a yes/no or satisfaction cell it cannot read. Blank rows are skipped.
 * The import takes all the tickets or none of them.
 */
export function hotlineTicketsFromTable(table: readonly (readonly string[])[], mapping: HotlineMapping, month: string, knownCommunities: readonly string[]): HotlineRowsResult {
  if (table.length - 1 > HOTLINE_LIMITS.maxRows) {
    return { tickets: [], problems: [{ row: HOTLINE_LIMITS.maxRows + 2, field: null, message: { zh: `一次最多导入 ${HOTLINE_LIMITS.maxRows} 行`, en: `An import holds at most ${HOTLINE_LIMITS.maxRows} rows` } }], problemCount: 1 };
  }
  // A loop, not Math.max(...rows): a spread of tens of thousands of rows overflows the stack.
  let columnCount = 0;
  for (const row of table) columnCount = Math.max(columnCount, row.length);
  const mappingProblems = hotlineMappingProblems(mapping, columnCount);
  if (mappingProblems.length > 0) return { tickets: [], problems: mappingProblems, problemCount: mappingProblems.length };

  const problems: HotlineRowProblem[] = [];
  let problemCount = 0;
  const problem = (row: number, field: HotlineField | null, message: LocalizedText) => {
    problemCount += 1;
    if (problems.length < HOTLINE_LIMITS.maxProblems) problems.push({ row, field, message });
  };
  const tickets: HotlineTicket[] = [];
  const seen = new Map<string, number>();
  const rows = table.slice(1);

  rows.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    const cell = (field: HotlineField): string | null => {
      const column = mapping[field];
      if (column === undefined || column === null) return null;
      const value = (cells[column] ?? '').trim();
      return value === '' ? null : value;
    };
    const before = problemCount;
    for (const field of HOTLINE_FIELDS) {
      const value = cell(field);
      if (value && value.length > HOTLINE_LIMITS.maxCell) problem(row, field, { zh: `内容超过 ${HOTLINE_LIMITS.maxCell} 字`, en: `Longer than ${HOTLINE_LIMITS.maxCell} characters` });
    }
    const ticketId = cell('ticketId');
    if (!ticketId) problem(row, 'ticketId', { zh: '缺少工单编号', en: 'No ticket id' });
    else if (seen.has(ticketId)) problem(row, 'ticketId', { zh: `工单编号 ${ticketId} 与第 ${seen.get(ticketId)} 行重复`, en: `Ticket ${ticketId} repeats row ${seen.get(ticketId)}` });
    else seen.set(ticketId, row);

    const receivedCell = cell('receivedAt');
    const receivedAt = receivedCell ? parseHotlineTime(receivedCell) : null;
    if (!receivedCell) problem(row, 'receivedAt', { zh: '缺少受理时间', en: 'No time received' });
    else if (!receivedAt) problem(row, 'receivedAt', { zh: `无法识别的时间“${receivedCell}”`, en: `Not a time: “${receivedCell}”` });
    else if (beijingMonthOf(receivedAt) !== month) problem(row, 'receivedAt', { zh: `受理时间不在导入月份 ${month} 内`, en: `Received outside ${month}, the month imported` });

    const category = cell('category');
    if (!category) problem(row, 'category', { zh: '缺少问题分类', en: 'No category' });
    const communityCell = cell('community');
    const address = cell('address');
    if (!communityCell && !address) problem(row, (mapping.community ?? null) !== null ? 'community' : 'address', { zh: '缺少所属社区和地址', en: 'Neither a community nor an address' });

    const yesNo = (field: 'responded' | 'resolved'): boolean | null => {
      const value = cell(field);
      if (!value) return null;
      const key = value.toLowerCase();
      if (YES.has(key)) return true;
      if (NO.has(key)) return false;
      problem(row, field, { zh: `“${value}”不是“是/否”`, en: `“${value}” is not yes or no` });
      return null;
    };
    const responded = yesNo('responded');
    const resolved = yesNo('resolved');
    const satisfactionCell = cell('satisfaction');
    const satisfaction = satisfactionCell ? (SATISFACTION[satisfactionCell.toLowerCase()] ?? null) : null;
    if (satisfactionCell && !satisfaction) problem(row, 'satisfaction', { zh: `“${satisfactionCell}”不是“满意/基本满意/不满意”`, en: `“${satisfactionCell}” is not satisfied, basically satisfied or unsatisfied` });

    if (problemCount === before && ticketId && receivedAt && category) {
      tickets.push({
        ticketId,
        receivedAt,
        category,
        community: resolveHotlineCommunity(communityCell, address, knownCommunities),
        address,
        handlingUnit: cell('handlingUnit'),
        result: cell('result'),
        responded,
        resolved,
        satisfaction,
      });
    }
  });
  if (problemCount === 0 && tickets.length === 0) problem(2, null, { zh: '文件中没有工单', en: 'The file holds no tickets' });
  return problemCount > 0 ? { tickets: [], problems, problemCount } : { tickets, problems: [], problemCount: 0 };
}
