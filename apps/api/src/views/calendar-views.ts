import ical, { ICalAlarmType, ICalEventTransparency } from 'ical-generator';
import { type CalendarSource, fromDbDate } from '@gongzhi/db';
import { addCalendarDays, type CaseStep, caseStepLabels, type CivilDate, type LocalizedText, type ResearchSessionKind, researchSessionKindLabels } from '@gongzhi/domain';

/**
 * A calendar feed (订阅日历) as RFC 5545 text: every dated thing is an all-day event on its
 * Asia/Shanghai day (due dates are civil dates, so no time zone can move them), with a reminder at
 * 09:00 the day before for what the person has to do. Built from the record as of the request.
 */

export type FeedLocale = 'zh-CN' | 'en';

export interface FeedOwner {
  /** The person's own calendar (their work, with reminders), or an engagement's (everyone's, named). */
  kind: 'person' | 'engagement';
  userId: string;
  locale: FeedLocale;
  /** The calendar's name in the app: the person's or the engagement's. */
  title: string;
}

export interface CalendarEntry {
  /** Stable across fetches, so a calendar app moves an event whose date changed instead of adding one. */
  uid: string;
  first: CivilDate;
  /** Inclusive; the same as `first` for a one-day event. */
  last: CivilDate;
  summary: string;
  description: string;
  /** A dashboard path (`/tasks/…`); absolute once the feed knows the origin it was fetched from. */
  path: string;
  /** The person has something to do by this day: remind them the day before. */
  remind: boolean;
}

const UID_DOMAIN = 'gongzhi';
/** 09:00 the day before an all-day event, in seconds before its start (00:00). */
const REMIND_BEFORE_SECONDS = 15 * 3600;

const TASK_STATUS_NOTES: Record<string, LocalizedText | undefined> = {
  in_review: { zh: '（审阅中）', en: ' (in review)' },
  changes_requested: { zh: '（需修改）', en: ' (changes requested)' },
};
const ENGAGEMENT: LocalizedText = { zh: '项目', en: 'Engagement' };
const STAGE: LocalizedText = { zh: '阶段', en: 'Stage' };
const VERDICTS: Record<string, LocalizedText> = {
  passed: { zh: '通过', en: 'passed' },
  no_quorum: { zh: '未达法定人数', en: 'no quorum' },
  vote_lost: { zh: '未获通过', en: 'vote lost' },
};

/** A name as RFC 5545 TEXT on one line: line breaks become spaces, `\\`, `;` and `,` are escaped. */
export const calendarName = (name: string): string => name.replace(/[\r\n]+/g, ' ').replace(/[\\;,]/g, (character) => `\\${character}`);

/** The entries of a feed, soonest first. */
export function calendarEntriesOf(source: CalendarSource, owner: FeedOwner): CalendarEntry[] {
  const zh = owner.locale === 'zh-CN';
  const say = (text: LocalizedText) => (zh ? text.zh : text.en);
  const own = owner.kind === 'person';
  // In one's own calendar each event says which engagement it is in; an engagement's calendar is one engagement.
  const inEngagement = (engagement: { name: string }) => (own ? (zh ? `（${engagement.name}）` : ` (${engagement.name})`) : '');
  const colon = zh ? '：' : ': ';
  /** One `label: value` line of a description. */
  const field = (label: LocalizedText, value: string) => `${say(label)}${colon}${value}`;
  const lines = (...parts: (string | null | false)[]) => parts.filter((part): part is string => Boolean(part)).join('\n');
  const day = (date: Date): CivilDate => fromDbDate(date);
  const entries: CalendarEntry[] = [];

  for (const task of source.tasks) {
    const title = zh ? task.titleZh : task.titleEn;
    const lead = task.isGate ? say({ zh: '签核截止', en: 'Sign-off due' }) : say({ zh: '截止', en: 'Due' });
    const status = TASK_STATUS_NOTES[task.status] ? say(TASK_STATUS_NOTES[task.status]!) : '';
    entries.push({
      uid: `task-${task.id}`,
      first: day(task.dueDate),
      last: day(task.dueDate),
      summary: `${lead}${colon}${title}${status}${own ? '' : ` · ${task.assignee.displayName}`}${inEngagement(task.engagement)}`,
      description: lines(
        field(ENGAGEMENT, task.engagement.name),
        field(STAGE, zh ? task.stage.titleZh : task.stage.titleEn),
        task.community && field({ zh: '社区', en: 'Community' }, task.community.name),
        field({ zh: '负责人', en: 'Assignee' }, task.assignee.displayName),
      ),
      path: `/tasks/${task.id}`,
      remind: own,
    });
  }

  for (const event of source.events) {
    entries.push({
      uid: `event-${event.id}`,
      first: event.heldOn,
      last: event.heldOn,
      summary: `${zh ? event.titleZh : event.titleEn}${event.community ? ` · ${event.community.name}` : ''}${inEngagement(event.engagement)}`,
      description: lines(
        field(ENGAGEMENT, event.engagement.name),
        field(STAGE, zh ? event.stage.titleZh : event.stage.titleEn),
        say({ zh: '已举办，记录见任务。', en: 'Held; recorded on the task.' }),
      ),
      path: `/tasks/${event.id}`,
      remind: false,
    });
  }

  for (const deliverable of source.awaitingReview) {
    entries.push({
      uid: `review-${deliverable.id}-${deliverable.currentRevision}`,
      first: day(deliverable.task.dueDate),
      last: day(deliverable.task.dueDate),
      summary: zh
        ? `待审阅：${deliverable.titleZh}（第 ${deliverable.currentRevision} 稿）${inEngagement(deliverable.engagement)}`
        : `To review: ${deliverable.titleEn} (revision ${deliverable.currentRevision})${inEngagement(deliverable.engagement)}`,
      description: lines(
        field(ENGAGEMENT, deliverable.engagement.name),
        zh ? `提交人：${deliverable.task.assignee.displayName}；任务截止日前审定，任务方能完成。` : `Submitted by ${deliverable.task.assignee.displayName}; the task can only be completed once it is approved, by its due date.`,
      ),
      path: `/tasks/${deliverable.task.id}`,
      remind: own,
    });
  }

  for (const consultation of source.consultations) {
    const asked = consultation.invitees.some((invitee) => invitee.userId === owner.userId);
    const answered = consultation.opinions.some((opinion) => opinion.authorId === owner.userId);
    const lead = own && asked && !answered ? say({ zh: '会诊意见截止', en: 'Opinion due' }) : say({ zh: '会诊截止', en: 'Consultation due' });
    entries.push({
      uid: `consultation-${consultation.id}`,
      first: day(consultation.dueOn),
      last: day(consultation.dueOn),
      summary: `${lead}${colon}${consultation.topic}${inEngagement(consultation.engagement)}`,
      description: lines(
        field(ENGAGEMENT, consultation.engagement.name),
        zh ? `已收到意见 ${consultation.opinions.length} 条，共邀请 ${consultation.invitees.length} 位律师。` : `${consultation.opinions.length} opinion(s) in, ${consultation.invitees.length} lawyer(s) asked.`,
      ),
      path: `/engagements/${consultation.engagement.id}?tab=consultations`,
      remind: own && (!asked || !answered),
    });
  }

  for (const adoption of source.adoptions) {
    const path = `/engagements/${adoption.engagement.id}?tab=adoptions`;
    const owners = adoption.instrument !== 'residents_convention';
    entries.push({
      uid: `adoption-notice-${adoption.id}`,
      first: day(adoption.noticeFrom),
      last: day(adoption.noticeTo),
      summary: zh
        ? `公示：${adoption.community.name}《${adoption.title}》${adoption.noticeRound > 1 ? `（第 ${adoption.noticeRound} 轮）` : ''}${inEngagement(adoption.engagement)}`
        : `Public notice: ${adoption.community.name} “${adoption.title}”${adoption.noticeRound > 1 ? ` (round ${adoption.noticeRound})` : ''}${inEngagement(adoption.engagement)}`,
      description: lines(
        field(ENGAGEMENT, adoption.engagement.name),
        field({ zh: '公示地点', en: 'Posted at' }, adoption.noticeLocation),
        zh ? `公示期 ${day(adoption.noticeFrom)} 至 ${day(adoption.noticeTo)}，期间居民可通过征求意见链接提出意见。` : `On notice ${day(adoption.noticeFrom)} to ${day(adoption.noticeTo)}; residents comment through the comment links.`,
      ),
      path,
      remind: false,
    });
    for (const meeting of adoption.meetings) {
      const verdict = VERDICTS[meeting.verdict];
      const kind = owners ? say({ zh: '业主共同决定', en: 'Owners’ vote' }) : say({ zh: '居民会议', en: 'Residents’ meeting' });
      entries.push({
        uid: `adoption-meeting-${meeting.id}`,
        first: day(meeting.heldOn),
        last: day(meeting.heldOn),
        summary: zh
          ? `${kind}：${adoption.community.name}《${adoption.title}》第 ${meeting.position} 次${verdict ? `（${verdict.zh}）` : ''}${inEngagement(adoption.engagement)}`
          : `${kind}: ${adoption.community.name} “${adoption.title}” #${meeting.position}${verdict ? ` (${verdict.en})` : ''}${inEngagement(adoption.engagement)}`,
        description: lines(field(ENGAGEMENT, adoption.engagement.name), zh ? meeting.explanationZh : meeting.explanationEn),
        path,
        remind: false,
      });
    }
  }

  for (const session of source.sessions) {
    const kind = say(researchSessionKindLabels[session.kind as ResearchSessionKind] ?? { zh: '调研', en: 'Research' });
    const where = session.community?.name ?? say({ zh: '全街道', en: 'Street-wide' });
    entries.push({
      uid: `research-session-${session.id}`,
      first: day(session.heldOn),
      last: day(session.heldOn),
      summary: `${kind}${colon}${where}${inEngagement(session.engagement)}`,
      description: lines(
        field(ENGAGEMENT, session.engagement.name),
        field({ zh: '地点', en: 'Place' }, session.place),
        field({ zh: '参加人员', en: 'Participants' }, session.participants),
      ),
      path: `/engagements/${session.engagement.id}?tab=research`,
      remind: false,
    });
  }

  for (const problemCase of source.cases) {
    const step = caseStepLabels[problemCase.step as CaseStep];
    const card = problemCase.supervision === 'red' ? say({ zh: '【红牌督办】', en: '[Red card] ' }) : problemCase.supervision === 'yellow' ? say({ zh: '【黄牌督办】', en: '[Yellow card] ' }) : '';
    entries.push({
      uid: `case-${problemCase.id}-${problemCase.step}`,
      first: day(problemCase.dueOn),
      last: day(problemCase.dueOn),
      summary: zh
        ? `${card}案件环节截止：${problemCase.title}（${step ? step.zh : problemCase.step}）${inEngagement(problemCase.engagement)}`
        : `${card}Case step due: ${problemCase.title} (${step ? step.en : problemCase.step})${inEngagement(problemCase.engagement)}`,
      description: lines(
        field(ENGAGEMENT, problemCase.engagement.name),
        zh ? `社区：${problemCase.community.name}；地点：${problemCase.place}` : `Community: ${problemCase.community.name}; place: ${problemCase.place}`,
      ),
      path: `/engagements/${problemCase.engagement.id}?tab=cases`,
      remind: own,
    });
  }

  return entries.sort((a, b) => a.first.localeCompare(b.first) || a.uid.localeCompare(b.uid));
}

/**
 * The feed as iCalendar text. `origin` (`https://gongzhi.example.cn`) makes each event's link
 * absolute; `now` is every event's DTSTAMP (the moment this copy of the calendar was made).
 */
export function renderCalendar(entries: CalendarEntry[], owner: FeedOwner, origin: string, now: Date): string {
  const calendar = ical({
    // ical-generator writes the calendar's name as it is: a line break or separator in a person's
    // or engagement's name would break the whole file in the calendar app.
    name: calendarName(owner.title),
    prodId: { company: 'Gongzhi', product: 'calendar-feed', language: owner.locale === 'zh-CN' ? 'ZH' : 'EN' },
    // Calendar apps refresh subscriptions on their own schedule; this asks for hourly.
    ttl: 3600,
    x: [{ key: 'X-WR-TIMEZONE', value: 'Asia/Shanghai' }],
  });
  for (const entry of entries) {
    const event = calendar.createEvent({
      // One UID per feed kind: a PM subscribed to their own and to the engagement's calendar has
      // the same task in both, and calendar apps mishandle one UID across two subscriptions.
      id: `${entry.uid}@${owner.kind === 'person' ? UID_DOMAIN : `engagement.${UID_DOMAIN}`}`,
      // Deadlines, not appointments: they do not make the person look busy.
      transparency: ICalEventTransparency.TRANSPARENT,
      allDay: true,
      start: entry.first,
      end: addCalendarDays(entry.last, 1),
      stamp: now,
      summary: entry.summary,
      description: entry.description,
      url: `${origin}${entry.path}`,
    });
    if (entry.remind) event.createAlarm({ type: ICalAlarmType.display, trigger: REMIND_BEFORE_SECONDS, description: entry.summary });
  }
  return calendar.toString();
}
