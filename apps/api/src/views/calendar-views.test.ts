// The feed's text, read back with an independent parser (ical.js): every kind of dated thing
// becomes an all-day event on its day (a 公示 spans its days, end exclusive as RFC 5545 wants),
// long Chinese lines survive folding, reminders only sit on one's own work, English for an
// English-speaking person, and a red-carded case says so.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type CalendarSource } from '@gongzhi/db';
import { calendarEntriesOf, type FeedOwner, renderCalendar } from './calendar-views';

const day = (civil: string) => new Date(`${civil}T00:00:00.000Z`);
const engagement = { id: '0195f2a0-0000-7000-8000-0000000000e1', name: '和平里街道创新社区治理法律服务项目' };
const me = '0195f2a0-0000-7000-8000-0000000000a1';

const source: CalendarSource = {
  tasks: [
    {
      id: 't1',
      titleZh: '起草《和平里西社区居民公约（草案）》并征求居委会意见',
      titleEn: 'Draft the residents’ convention',
      status: 'changes_requested',
      dueDate: day('2026-12-03'),
      isGate: false,
      stage: { titleZh: '居民自治体系建设', titleEn: 'Residents’ self-governance' },
      community: { name: '和平里西社区' },
      assignee: { displayName: '王浩然' },
      engagement,
    },
  ],
  events: [{ id: 't0', titleZh: '开展法律培训', titleEn: 'Deliver the training', heldOn: '2026-10-15', stage: { titleZh: '法律培训', titleEn: 'Training' }, community: null, engagement }],
  awaitingReview: [],
  consultations: [],
  adoptions: [
    {
      id: 'a1',
      title: '和平里西社区居民公约',
      instrument: 'residents_convention',
      noticeFrom: day('2026-11-25'),
      noticeTo: day('2026-12-01'),
      noticeLocation: '社区公告栏及各楼门',
      noticeRound: 1,
      community: { name: '和平里西社区' },
      meetings: [],
      engagement,
    },
  ],
  sessions: [],
  cases: [
    { id: 'c1', title: '7号楼楼道堆放旧家具', place: '7号楼2单元', step: 'reply', dueOn: day('2026-11-30'), supervision: 'red', community: { name: '和平里西社区' }, engagement },
  ],
};

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return { uid: event.uid, summary: event.summary, start: event.startDate.toString(), end: event.endDate.toString(), allDay: event.startDate.isDate, alarms: component.getAllSubcomponents('valarm').length };
  });
}

describe('a calendar feed’s text', () => {
  const owner: FeedOwner = { kind: 'person', userId: me, locale: 'zh-CN', title: '共治 · 王浩然的日程' };

  it('puts each dated thing on its Asia/Shanghai day, soonest first, with reminders on one’s own work only', () => {
    const text = renderCalendar(calendarEntriesOf(source, owner), owner, 'https://gongzhi.example.cn', new Date('2026-11-29T06:00:00Z'));
    // Folded at 75 octets as RFC 5545 requires, and still whole once parsed.
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(parse(text)).toEqual([
      { uid: 'event-t0@gongzhi', summary: `开展法律培训（${engagement.name}）`, start: '2026-10-15', end: '2026-10-16', allDay: true, alarms: 0 },
      { uid: 'adoption-notice-a1@gongzhi', summary: `公示：和平里西社区《和平里西社区居民公约》（${engagement.name}）`, start: '2026-11-25', end: '2026-12-02', allDay: true, alarms: 0 },
      { uid: 'case-c1-reply@gongzhi', summary: `【红牌督办】案件环节截止：7号楼楼道堆放旧家具（部门办理答复）（${engagement.name}）`, start: '2026-11-30', end: '2026-12-01', allDay: true, alarms: 1 },
      { uid: 'task-t1@gongzhi', summary: `截止：起草《和平里西社区居民公约（草案）》并征求居委会意见（需修改）（${engagement.name}）`, start: '2026-12-03', end: '2026-12-04', allDay: true, alarms: 1 },
    ]);
    expect(text).toContain('DTSTAMP:20261129T060000Z');
    expect(text).toContain('URL;VALUE=URI:https://gongzhi.example.cn/tasks/t1');
  });

  it('keeps a name with line breaks and separators on one line, escaped as RFC 5545 text', () => {
    const odd: FeedOwner = { ...owner, title: '共治 · 王浩然,李婧;\n（测试）\\' };
    const text = renderCalendar([], odd, 'https://gongzhi.example.cn', new Date());
    const calendar = new ICAL.Component(ICAL.parse(text));
    // TEXT escaping (ical.js leaves X- properties as written): one line, nothing spilling into the next property.
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('共治 · 王浩然\\,李婧\\; （测试）\\\\');
    expect(text).toContain('\r\nNAME:共治 · 王浩然\\,李婧\\; （测试）\\\\\r\n');
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(0);
  });

  it('names who does what in an engagement’s calendar, without reminders, and speaks English to an English-speaking person', () => {
    const engagementOwner: FeedOwner = { kind: 'engagement', userId: me, locale: 'en', title: `Gongzhi · ${engagement.name}` };
    const events = parse(renderCalendar(calendarEntriesOf(source, engagementOwner), engagementOwner, 'https://gongzhi.example.cn', new Date()));
    expect(events.map((event) => [event.summary, event.alarms])).toEqual([
      ['Deliver the training', 0],
      ['Public notice: 和平里西社区 “和平里西社区居民公约”', 0],
      ['[Red card] Case step due: 7号楼楼道堆放旧家具 (Department action and reply)', 0],
      ['Due: Draft the residents’ convention (changes requested) · 王浩然', 0],
    ]);
  });
});
