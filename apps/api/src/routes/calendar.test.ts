// 订阅日历 over HTTP, read back with an independent parser (ical.js): a person's secret address
// carries their own due dates with a reminder the day before and nobody else's; an engagement's
// address is for its PM or partner and names who does what; a consultation opened after
// subscribing appears on the next fetch and leaves once withdrawn; a revoked address answers 404;
// the address is shown once and never logged or listed again.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fromDbDate } from '@gongzhi/db';
import { addCalendarDays, civilDateAt } from '@gongzhi/domain';
import { injectTestStack } from '@gongzhi/infra/test-context';
import { createEngagement } from '../testing/fixtures';
import { type TestApi, createTestApi } from '../testing/harness';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi({ ...injectTestStack(), workflowBundlePath: inject('workflowBundlePath') });
});

afterAll(async () => {
  await api?.close();
});

type Feed = { id: string; name: string; engagement: { id: string; name: string } | null; lastReadAt: string | null; revokedAt: string | null };
type Created = { feed: Feed; path: string };
type Refusal = { error: { code: string; message: string } };

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  end: string;
  allDay: boolean;
  url: string | null;
  alarms: number;
}

/** Fetches a feed the way a calendar app does (no cookie, no header) and parses it with ical.js. */
async function fetchFeed(path: string) {
  const response = await api.app.inject({ method: 'GET', url: path });
  if (response.statusCode !== 200) return { status: response.statusCode, headers: response.headers, name: null, events: [] as ParsedEvent[] };
  const calendar = new ICAL.Component(ICAL.parse(response.body));
  const events = calendar.getAllSubcomponents('vevent').map((component): ParsedEvent => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate,
      url: (component.getFirstPropertyValue('url') as string | null) ?? null,
      alarms: component.getAllSubcomponents('valarm').length,
    };
  });
  return { status: 200, headers: response.headers, name: calendar.getFirstPropertyValue('x-wr-calname') as string, events };
}

const displayNameOf = async (id: string) => (await api.db.user.findUniqueOrThrow({ where: { id } })).displayName;

describe('calendar feeds (订阅日历)', () => {
  it('gives each person their own dates, an engagement’s to its PM and partner, follows the record on every fetch, and stops when revoked', { timeout: 120_000 }, async () => {
    const { engagement } = await createEngagement(api);
    const [pm, lawyer, client] = await Promise.all([api.sessionFor('pm'), api.sessionFor('lawyer'), api.sessionFor('client')]);

    // Shown once: the address is in the creation's answer and nowhere after.
    const created = await api.request(lawyer, { method: 'POST', url: '/api/me/calendar-feeds', payload: { name: '手机日历' } });
    expect(created.statusCode, created.body).toBe(201);
    const own = created.json<Created>();
    expect(own.feed).toMatchObject({ name: '手机日历', engagement: null, lastReadAt: null, revokedAt: null });
    expect(own.path).toMatch(/^\/api\/public\/calendar\/gzc_[A-Za-z0-9_-]{43}$/);
    const listed = await api.request(lawyer, { method: 'GET', url: '/api/me/calendar-feeds' });
    expect(listed.body).not.toContain(own.path.split('/').at(-1));
    expect(await api.db.calendarFeed.count({ where: { tokenHash: own.path.split('/').at(-1) } })).toBe(0);

    // The lawyer's calendar: exactly their open tasks, each on its due day, all-day, with a reminder.
    const lawyersTasks = await api.db.task.findMany({ where: { engagementId: engagement.id, assigneeId: api.users.lawyer.id, status: { in: ['pending', 'active', 'in_review', 'changes_requested'] } } });
    expect(lawyersTasks.length).toBeGreaterThan(0);
    const first = await fetchFeed(own.path);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(first.headers['cache-control']).toBe('private, no-store');
    expect(first.name).toBe(`共治 · ${await displayNameOf(api.users.lawyer.id)}的日程`);
    const taskEvents = first.events.filter((event) => event.uid.startsWith('task-'));
    expect(taskEvents.map((event) => event.uid).sort()).toEqual(lawyersTasks.map((task) => `task-${task.id}@gongzhi`).sort());
    for (const task of lawyersTasks) {
      const event = taskEvents.find((candidate) => candidate.uid === `task-${task.id}@gongzhi`)!;
      expect(event).toMatchObject({ start: fromDbDate(task.dueDate), end: addCalendarDays(fromDbDate(task.dueDate), 1), allDay: true, alarms: 1 });
      expect(event.summary).toContain(task.titleZh);
      expect(event.summary).toContain(`（${engagement.name}）`);
      expect(event.url).toBe(`http://localhost:80/tasks/${task.id}`);
    }
    expect((await api.db.calendarFeed.findUniqueOrThrow({ where: { id: own.feed.id } })).lastReadAt).not.toBeNull();

    // A consultation opened after subscribing is on the next fetch, for those asked to give an opinion.
    const dueOn = addCalendarDays(civilDateAt(new Date()), 5);
    const opened = await api.request(pm, {
      method: 'POST',
      url: `/api/engagements/${engagement.id}/consultations`,
      payload: { topic: '楼道堆物清理能否由居委会直接实施？', question: '居民公约约定限期清理，逾期未清理的，居委会能否组织志愿者直接清理？', materials: '', invitees: [api.users.lawyer.id], dueOn, holdsTask: false, idempotencyKey: 'calendar-consult' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const consultationId = opened.json<{ id: string }>().id;
    const withConsultation = await fetchFeed(own.path);
    expect(withConsultation.events.find((event) => event.uid === `consultation-${consultationId}@gongzhi`)).toMatchObject({
      start: dueOn,
      summary: `会诊意见截止：楼道堆物清理能否由居委会直接实施？（${engagement.name}）`,
      alarms: 1,
    });

    // A symposium is on the team's calendars, not on the client contact's (research records are the firm's papers).
    const symposium = await api.request(lawyer, {
      method: 'POST',
      url: `/api/engagements/${engagement.id}/research-sessions`,
      payload: { kind: 'symposium', heldOn: addCalendarDays(civilDateAt(new Date()), -2), place: '社区党群服务中心会议室', participants: '居委会委员、居民代表', problems: [], idempotencyKey: 'calendar-session' },
    });
    expect(symposium.statusCode, symposium.body).toBe(201);
    const sessionUid = `research-session-${symposium.json<{ id: string }>().id}@gongzhi`;
    expect((await fetchFeed(own.path)).events.find((event) => event.uid === sessionUid)?.summary).toBe(`座谈会：全街道（${engagement.name}）`);
    const clientsFeed = await api.request(client, { method: 'POST', url: '/api/me/calendar-feeds', payload: { name: '办公室电脑' } });
    expect(clientsFeed.statusCode, clientsFeed.body).toBe(201);
    const clientsEvents = (await fetchFeed(clientsFeed.json<Created>().path)).events;
    expect(clientsEvents.some((event) => event.uid.startsWith('research-session-') || event.uid.startsWith('consultation-'))).toBe(false);

    // An engagement's calendar is for its PM and partner: others are told why, strangers see nothing.
    const refusedForLawyer = await api.request(lawyer, { method: 'POST', url: '/api/me/calendar-feeds', payload: { name: '项目日历', engagementId: engagement.id } });
    expect([refusedForLawyer.statusCode, refusedForLawyer.json<Refusal>().error.message]).toEqual([403, '只有本项目的项目经理和合伙人可以订阅项目日历；个人日历里已有您自己的任务']);
    const strangers = await api.request(client, { method: 'POST', url: '/api/me/calendar-feeds', payload: { name: '项目日历', engagementId: '0195f2a0-0000-7000-8000-00000000ffff' } });
    expect(strangers.statusCode).toBe(404);
    const engagementFeed = await api.request(pm, { method: 'POST', url: '/api/me/calendar-feeds', payload: { name: '项目日历', engagementId: engagement.id } });
    expect(engagementFeed.statusCode, engagementFeed.body).toBe(201);
    const projectFeed = engagementFeed.json<Created>();
    expect(projectFeed.feed.engagement).toEqual({ id: engagement.id, name: engagement.name });
    const project = await fetchFeed(projectFeed.path);
    expect(project.name).toBe(`共治 · ${engagement.name}`);
    const openTasks = await api.db.task.count({ where: { engagementId: engagement.id, status: { in: ['pending', 'active', 'in_review', 'changes_requested'] } } });
    expect(project.events.filter((event) => event.uid.startsWith('task-'))).toHaveLength(openTasks);
    // Everyone's work, named, without the PM's own reminders on it.
    expect(project.events.find((event) => event.uid === `task-${lawyersTasks[0]!.id}@engagement.gongzhi`)?.summary).toContain(` · ${await displayNameOf(api.users.lawyer.id)}`);
    expect(project.events.every((event) => event.alarms === 0)).toBe(true);
    expect(project.events.some((event) => event.uid === `consultation-${consultationId}@engagement.gongzhi`)).toBe(true);

    // Withdrawn, the consultation leaves both calendars.
    const withdrawn = await api.request(pm, { method: 'POST', url: `/api/engagements/${engagement.id}/consultations/${consultationId}/withdrawal`, payload: { reason: '已在周例会上讨论解决' } });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await fetchFeed(own.path)).events.some((event) => event.uid.startsWith('consultation-'))).toBe(false);
    expect((await fetchFeed(projectFeed.path)).events.some((event) => event.uid.startsWith('consultation-'))).toBe(false);

    // Revoked: the address answers 404 at once; revoking again changes nothing; others' feeds are not one's own.
    expect((await api.request(pm, { method: 'DELETE', url: `/api/me/calendar-feeds/${own.feed.id}` })).statusCode).toBe(404);
    const revoked = await api.request(lawyer, { method: 'DELETE', url: `/api/me/calendar-feeds/${own.feed.id}` });
    expect(revoked.statusCode).toBe(200);
    const revokedAt = revoked.json<Feed>().revokedAt;
    expect(revokedAt).not.toBeNull();
    expect((await fetchFeed(own.path)).status).toBe(404);
    expect((await api.request(lawyer, { method: 'DELETE', url: `/api/me/calendar-feeds/${own.feed.id}` })).json<Feed>().revokedAt).toBe(revokedAt);
    expect((await fetchFeed('/api/public/calendar/gzc_not-a-real-address-at-all-000000')).status).toBe(404);
  });

  it('holds at most ten live addresses per person, in English for an English-speaking person', { timeout: 60_000 }, async () => {
    const lawyer2 = await api.sessionFor('lawyer2');
    expect((await api.request(lawyer2, { method: 'PATCH', url: '/api/me', payload: { locale: 'en' } })).statusCode).toBe(200);
    const paths: string[] = [];
    for (let index = 0; index < 10; index += 1) {
      const response = await api.request(lawyer2, { method: 'POST', url: '/api/me/calendar-feeds', payload: { name: `设备 ${index + 1}` } });
      expect(response.statusCode, response.body).toBe(201);
      paths.push(response.json<Created>().path);
    }
    const eleventh = await api.request(lawyer2, { method: 'POST', url: '/api/me/calendar-feeds', payload: { name: '又一个' }, headers: { 'accept-language': 'en' } });
    expect([eleventh.statusCode, eleventh.json<Refusal>().error.message]).toEqual([409, 'You already have 10 live calendar addresses; revoke one first']);
    const feed = await fetchFeed(paths[0]!);
    expect(feed.name).toBe(`Gongzhi · ${await displayNameOf(api.users.lawyer2.id)}`);
    // A password reset revokes them, like tokens (whoever knew the old password may have made one).
    const admin = await api.sessionFor('admin');
    const afterReset = await api.request(lawyer2, { method: 'POST', url: '/api/me/calendar-feeds', payload: { name: '重置前' }, headers: { 'accept-language': 'en' } });
    expect(afterReset.statusCode).toBe(409);
    await api.request(lawyer2, { method: 'DELETE', url: `/api/me/calendar-feeds/${(await api.db.calendarFeed.findFirstOrThrow({ where: { userId: api.users.lawyer2.id, revokedAt: null } })).id}` });
    const beforeReset = (await api.request(lawyer2, { method: 'POST', url: '/api/me/calendar-feeds', payload: { name: '重置前' } })).json<Created>().path;
    expect((await fetchFeed(beforeReset)).status).toBe(200);
    expect((await api.request(admin, { method: 'POST', url: `/api/users/${api.users.lawyer2.id}/reset-password`, payload: { newPassword: 'another-long-enough-password' } })).statusCode).toBe(200);
    expect((await fetchFeed(beforeReset)).status).toBe(404);
    expect(await api.db.calendarFeed.count({ where: { userId: api.users.lawyer2.id, revokedAt: null } })).toBe(0);
    // Disabling a person revokes their addresses for good, like their tokens: enabled again, they stay dead.
    paths[0] = (await api.request(await api.sessionFor('lawyer2'), { method: 'POST', url: '/api/me/calendar-feeds', payload: { name: '停用前' } })).json<Created>().path;
    expect((await api.request(admin, { method: 'PATCH', url: `/api/users/${api.users.lawyer2.id}`, payload: { isDisabled: true } })).statusCode).toBe(200);
    expect((await fetchFeed(paths[0]!)).status).toBe(404);
    expect((await api.request(admin, { method: 'PATCH', url: `/api/users/${api.users.lawyer2.id}`, payload: { isDisabled: false } })).statusCode).toBe(200);
    expect((await fetchFeed(paths[0]!)).status).toBe(404);
    const blank = await api.request(await api.sessionFor('lawyer2'), { method: 'POST', url: '/api/me/calendar-feeds', payload: { name: '   ' } });
    expect([blank.statusCode, blank.json<{ error: { fieldErrors: { field: string }[] } }>().error.fieldErrors.map((error) => error.field)]).toEqual([422, ['name']]);
  });
});
