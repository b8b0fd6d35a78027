import { allHandlersFinished, condition, continueAsNew, getExternalWorkflowHandle, log, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  ADOPTION_LIMITS,
  type AdoptionStatus,
  checkMeetingFigures,
  checkNoticeTerms,
  civilDateAt,
  endOfCivilDay,
  type FieldError,
  type FormValues,
  isAdoptionClosed,
  type MeetingFigures,
  meetingKindOf,
  statusAfterPassingVote,
} from '@gongzhi/domain';
import { type AdoptionActivities } from '../activities/adoption-records';
import { adoptionCommandUpdate, type AdoptionCommand, adoptionOpenedUpdate, adoptionTaskSignal, type AdoptionTaskSignal, type AdoptionWorkflowInput } from './definitions';
import { refuse, refuseUnstorableText } from './task-board';

/** A command's writes: the caller waits, so a store that stays down answers an error after a while. */
const records = proxyActivities<AdoptionActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 10 },
});
/** The procedure's own steps (putting it on record, ending the notice): retried until the store answers, never given up. */
const steps = proxyActivities<AdoptionActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

type AdoptionDrive = NonNullable<NonNullable<Awaited<ReturnType<AdoptionActivities['loadAdoption']>>>['drive']>;
type Refusal = Extract<Awaited<ReturnType<AdoptionActivities['openAdoption']>>, { refused: string }>;

const KINDS: readonly AdoptionCommand['kind'][] = ['meeting', 'renotice', 'file', 'withdraw', 'issue_links', 'comment', 'answer'];

const invalid = (errors: FieldError[]): never => refuse('validation_failed', errors.map((error) => error.message.en).join('; '), errors);
const outOfOrder = (zh: string, en: string): never => refuse('adoption_out_of_order', en, [{ field: '_form', code: 'rule', message: { zh, en } }]);

/**
 * `adoption-<id>`: one community's 民主程序 from the 公示 to the 备案, the one writer of its record
 * and its meetings. The notice runs to the end of its last day on a durable timer; each meeting's
 * verdict is computed here from the law (adoption.ts), and a failed one waits for another meeting
 * or a revised draft on a new notice — an invalid adoption is never recorded. For a residents'
 * convention it drives the community's notice, vote and filing tasks: while it runs they cannot be
 * completed by hand, and each is completed, by a signal to the workflow that owns it, with what
 * the procedure recorded.
 *
 * A run that ends early (terminated by an operator, failed) leaves its procedure open: the next
 * command starts a run without `open`, which picks the procedure up from its record, repeats what
 * the tasks may have missed and goes on — nothing wedges on a run that is gone.
 */
export async function adoptionWorkflow(input: AdoptionWorkflowInput): Promise<{ status: AdoptionStatus | 'refused' }> {
  const { adoptionId, engagementId, open } = input;
  /** Why the procedure cannot go on (undefined: it can, or not known yet). */
  let refusal: Refusal | undefined;
  let ready = false;
  let status: AdoptionStatus = 'notice';
  let instrument = open?.instrument ?? 'residents_convention';
  let drive: AdoptionDrive | null = null;
  const notice = { from: open?.noticeFrom ?? '', to: open?.noticeTo ?? '', location: open?.location ?? '', round: 1, by: open?.actorId ?? '' };
  const meetings: { heldOn: string; passed: boolean }[] = [];
  // Comments and links make many commands: a run hands over to a new one (picked up from the
  // record) well before Temporal's limits on a run's updates and history.
  let handled = 0;
  const shouldRoll = () => handled >= (input.rollAfter ?? 1000) || workflowInfo().continueAsNewSuggested;

  /** Tells the workflow that owns the community's tasks; gone, it has nothing left to drive. */
  const tellTasks = async (signal: AdoptionTaskSignal) => {
    if (!drive) return;
    try {
      await getExternalWorkflowHandle(drive.workflowId).signal(adoptionTaskSignal, signal);
    } catch (error) {
      log.info('the tasks’ workflow is gone; nothing to drive', { adoptionId, error: String(error) });
    }
  };
  const completeTask = (taskKey: (target: AdoptionDrive) => string, actorId: string, formData: FormValues) =>
    drive ? tellTasks({ kind: 'complete', adoptionId, taskKey: taskKey(drive), actorId, formData, at: new Date().toISOString() }) : Promise.resolve();
  const driveTasks = (driven: boolean) => (drive ? tellTasks({ kind: 'drive', adoptionId, taskKeys: [drive.notice, drive.vote, drive.filing], driven }) : Promise.resolve());
  const voteValues = (heldOn: string, figures: MeetingFigures): FormValues | null => {
    if (figures.kind !== 'residents') return null;
    const { eligible, attendees, votesFor, votesAgainst, abstentions } = figures;
    return { heldOn, eligible, attendees, votesFor, votesAgainst, abstentions };
  };
  const filingValues = (filedOn: string, filingNo: string | null): FormValues => ({ filedOn, ...(filingNo ? { filingNo } : {}) });

  // One command at a time: each is checked against the state the previous one left.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };

  const today = () => civilDateAt(new Date());

  const check = (command: AdoptionCommand): void => {
    if (isAdoptionClosed(status)) refuse('adoption_closed', `the procedure is ${status}`);
    switch (command.kind) {
      case 'meeting': {
        if (status === 'notice') outOfOrder(`公示期至 ${notice.to} 届满，届满后方可召开会议表决`, `The notice runs until ${notice.to}; the vote comes after it`);
        if (status === 'awaiting_filing') outOfOrder('已有会议表决通过，请登记备案', 'A meeting has adopted it already: record the filing');
        if (meetings.length >= ADOPTION_LIMITS.maxMeetings) outOfOrder(`已登记 ${meetings.length} 次会议，请修改草案或撤回程序`, `${meetings.length} meetings are on record: revise the draft or withdraw`);
        const kind = meetingKindOf(instrument);
        if (command.figures?.kind !== kind) invalid([{ field: 'figures', code: 'invalid_type', message: { zh: kind === 'residents' ? '居民公约须登记居民会议的表决数据' : '业主共同决定事项须登记业主表决的面积与人数', en: kind === 'residents' ? 'A residents’ convention takes a residents’ meeting’s figures' : 'An owners’ matter takes the owners’ area and headcount' } }]);
        const errors = checkMeetingFigures(command.figures);
        if (command.heldOn <= notice.to) errors.push({ field: 'heldOn', code: 'rule', message: { zh: `会议应在公示期（至 ${notice.to}）届满后召开`, en: `The meeting comes after the notice (which ran until ${notice.to})` } });
        else if (command.heldOn > today()) errors.push({ field: 'heldOn', code: 'rule', message: { zh: '会议日期不能晚于今天：会后再登记', en: 'The meeting date cannot be in the future' } });
        else if (meetings.length > 0 && command.heldOn < meetings[meetings.length - 1]!.heldOn) errors.push({ field: 'heldOn', code: 'rule', message: { zh: '会议日期不能早于上一次会议', en: 'The meeting cannot predate the previous one' } });
        if (errors.length > 0) invalid(errors);
        return;
      }
      case 'renotice': {
        if (status === 'notice') outOfOrder('草案正在公示中', 'The draft is on notice now');
        if (status === 'awaiting_filing') outOfOrder('已有会议表决通过，不能再修改草案', 'A meeting has adopted it: the draft cannot be revised now');
        const errors = checkNoticeTerms({ noticeFrom: command.noticeFrom, noticeTo: command.noticeTo, location: command.location }, today());
        const after = meetings.length > 0 ? meetings[meetings.length - 1]!.heldOn : notice.to;
        if (command.noticeFrom <= after) errors.push({ field: 'noticeFrom', code: 'rule', message: { zh: `修改稿的公示应在 ${after} 之后开始`, en: `The revised draft’s notice starts after ${after}` } });
        if (errors.length > 0) invalid(errors);
        return;
      }
      case 'file': {
        if (status !== 'awaiting_filing') outOfOrder('尚无会议表决通过，不能登记备案', 'No meeting has adopted it yet: nothing to file');
        const passed = meetings.find((meeting) => meeting.passed);
        if (passed && command.filedOn < passed.heldOn) invalid([{ field: 'filedOn', code: 'rule', message: { zh: `备案日期不能早于表决通过之日（${passed.heldOn}）`, en: `The filing cannot predate the vote (${passed.heldOn})` } }]);
        if (command.filedOn > today()) invalid([{ field: 'filedOn', code: 'rule', message: { zh: '备案日期不能晚于今天', en: 'The filing date cannot be in the future' } }]);
        return;
      }
      case 'issue_links':
        if (status !== 'notice') outOfOrder('草案不在公示期内，不能生成意见链接', 'The draft is not on notice: no comment links now');
        return;
      case 'comment':
        // The API checks the day too; a notice past its last day takes nothing even before its timer fires.
        if (status !== 'notice' || today() > notice.to) refuse('notice_over', 'the notice is over');
        return;
      case 'withdraw':
      case 'answer':
        return;
    }
  };

  /** Waits until the procedure is on record (or known not to be), and refuses if it cannot go on. */
  const whenReady = async () => {
    await condition(() => ready || Boolean(refusal));
    if (refusal) {
      if (refusal.refused === 'engagement_not_running') refuse('engagement_not_running', 'the engagement is cancelled');
      if (refusal.refused === 'invalid') refuse('validation_failed', 'the procedure does not fit the engagement', refusal.errors);
      if (refusal.refused === 'conflict') refuse('conflict', 'the community’s convention has a procedure already', refusal.errors);
      refuse('unknown_adoption', open ? `no engagement ${engagementId}` : `no procedure ${adoptionId}`);
    }
  };

  setHandler(adoptionOpenedUpdate, async () => {
    await whenReady();
    return { adoptionId };
  });

  setHandler(
    adoptionCommandUpdate,
    async (command) =>
      serially(async () => {
        handled += 1;
        await whenReady();
        // Checked again in turn: a command accepted alongside another meets the state that one left.
        check(command);
        const at = new Date().toISOString();
        switch (command.kind) {
          case 'meeting': {
            // The verdict is the one on record (computed by the activity), not recomputed here.
            const written = await records.recordAdoptionMeeting({ adoptionId, engagementId, command, at });
            if ('refused' in written) outOfOrder('该程序当前不能登记表决结果，请刷新后查看', 'The procedure takes no vote now; reload to see where it is');
            const { changed, verdict } = written as Exclude<typeof written, { refused: string }>;
            const passed = verdict === 'passed';
            meetings.push({ heldOn: command.heldOn, passed });
            status = passed ? statusAfterPassingVote(instrument) : 'meeting_failed';
            const values = passed ? voteValues(command.heldOn, command.figures) : null;
            if (values) await completeTask((target) => target.vote, command.actorId, values);
            return { adoptionId, changed };
          }
          case 'renotice': {
            const round = notice.round + 1;
            const { changed } = await records.renoticeAdoption({ adoptionId, engagementId, command, round, at });
            Object.assign(notice, { from: command.noticeFrom, to: command.noticeTo, location: command.location, round, by: command.actorId });
            status = 'notice';
            return { adoptionId, changed };
          }
          case 'file': {
            const { changed } = await records.fileAdoption({ adoptionId, engagementId, command, at });
            status = 'adopted';
            await completeTask((target) => target.filing, command.actorId, filingValues(command.filedOn, command.filingNo));
            return { adoptionId, changed };
          }
          case 'issue_links':
            return { adoptionId, ...(await records.issueCommentLinks({ adoptionId, engagementId, command, at })) };
          case 'comment': {
            const written = await records.submitComments({ adoptionId, engagementId, command, round: notice.round, at });
            if ('refused' in written) refuse(written.refused === 'link_used' ? 'link_used' : 'unknown_adoption', `the link is ${written.refused === 'link_used' ? 'used' : 'not this procedure’s'}`);
            return { adoptionId, changed: written.changed };
          }
          case 'answer': {
            const written = await records.answerComment({ adoptionId, engagementId, command, at });
            if ('refused' in written) refuse('unknown_adoption', `no comment ${command.commentId}`);
            return { adoptionId, changed: written.changed };
          }
          case 'withdraw': {
            const { changed } = await records.withdrawAdoption({ adoptionId, engagementId, command, at });
            status = 'withdrawn';
            await driveTasks(false);
            return { adoptionId, changed };
          }
        }
      }),
    {
      // A malformed command, or one the procedure's state refuses, is refused before it is accepted.
      validator: (command) => {
        if (typeof command !== 'object' || command === null || !KINDS.includes(command.kind)) refuse('validation_failed', 'not an adoption command');
        refuseUnstorableText(command as unknown as Record<string, unknown>);
        if (ready) check(command);
      },
    },
  );

  /** The notice is over: the procedure waits for the vote (the notice task records the first notice). */
  const endNotice = async () => {
    await steps.endAdoptionNotice({ adoptionId, engagementId, at: new Date().toISOString() });
    status = 'awaiting_meeting';
    // A revised draft's notice is on the procedure's record only.
    if (notice.round === 1) await completeTask((target) => target.notice, notice.by, { noticeFrom: notice.from, noticeTo: notice.to, location: notice.location });
  };
  const noticeLeft = () => endOfCivilDay(notice.to).getTime() + 1 - Date.now();

  if (open) {
    const opened = await steps.openAdoption({ adoptionId, engagementId, at: new Date().toISOString(), ...open });
    if ('refused' in opened) {
      refusal = opened;
      await condition(allHandlersFinished);
      return { status: 'refused' };
    }
    drive = opened.drive;
    await driveTasks(true);
  } else {
    const state = await steps.loadAdoption({ adoptionId });
    if (!state || state.engagementId !== engagementId) {
      refusal = { refused: 'not_found' };
      await condition(allHandlersFinished);
      return { status: 'refused' };
    }
    ({ instrument, status, drive } = state);
    Object.assign(notice, state.notice);
    meetings.push(...state.meetings.map(({ heldOn, passed }) => ({ heldOn, passed })));
    // Repeats what the run before may not have sent: the tasks ignore what they have already.
    if (status === 'withdrawn') await driveTasks(false);
    else if (status !== 'adopted') await driveTasks(true);
    if (status !== 'notice' && status !== 'withdrawn' && notice.round === 1) await completeTask((target) => target.notice, notice.by, { noticeFrom: notice.from, noticeTo: notice.to, location: notice.location });
    const passed = state.meetings.find((meeting) => meeting.passed);
    const values = passed ? voteValues(passed.heldOn, passed.figures) : null;
    if (values && status !== 'withdrawn') await completeTask((target) => target.vote, passed!.by, values);
    if (state.filing) await completeTask((target) => target.filing, state.filing.by ?? notice.by, filingValues(state.filing.filedOn, state.filing.filingNo));
    log.info('adoption procedure picked up from its record', { adoptionId, status });
  }
  // A notice already over (backdated, or ended while no run was there) ends before any command is taken.
  if (status === 'notice' && noticeLeft() <= 0) await endNotice();
  ready = true;

  while (!isAdoptionClosed(status)) {
    if (shouldRoll()) {
      await condition(allHandlersFinished);
      if (!isAdoptionClosed(status)) await continueAsNew<typeof adoptionWorkflow>({ adoptionId, engagementId, ...(input.rollAfter ? { rollAfter: input.rollAfter } : {}) });
      continue;
    }
    if (status !== 'notice') {
      await condition(() => status === 'notice' || isAdoptionClosed(status) || shouldRoll());
      continue;
    }
    // To the end of the notice's last day; a withdrawal ends the wait sooner.
    const round = notice.round;
    const untilEnd = noticeLeft();
    const interrupted = untilEnd > 0 && (await condition(() => status !== 'notice' || notice.round !== round || shouldRoll(), untilEnd));
    if (interrupted) continue;
    await serially(async () => {
      if (status === 'notice' && notice.round === round) await endNotice();
    });
  }
  await condition(allHandlersFinished);
  return { status };
}
