import { addCalendarDays, daysBetween } from './calendar';
import { type FieldError } from './completion';
import { evaluateOwnersVote, evaluateResidentsMeeting, type OwnersMatter } from './quorum';
import { type LocalizedText } from './template/schema';

/**
 * 民主程序: how a community adopts an instrument of self-governance — the partner-approved draft
 * is posted for public notice (公示), put to the body that decides (a residents' meeting, or the
 * owners under 民法典 Art. 278), and filed with the 街道办事处 / 乡镇人民政府 (备案). The
 * thresholds are computed from the law, never typed in; a meeting that misses them is on record
 * with the figures and why, and the procedure waits for another meeting or a revised draft. An
 * invalid adoption is never recorded.
 */
export const ADOPTION_INSTRUMENTS = ['residents_convention', 'owners_rules'] as const;
export type AdoptionInstrument = (typeof ADOPTION_INSTRUMENTS)[number];

export const adoptionInstrumentLabels: Record<AdoptionInstrument, LocalizedText> = {
  residents_convention: { zh: '居民公约（居民会议表决）', en: 'Residents’ convention (residents’ meeting)' },
  owners_rules: { zh: '业主共同决定事项（业主大会表决）', en: 'Owners’ matter (owners’ vote)' },
};

export const OWNERS_MATTERS = ['ordinary', 'special'] as const satisfies readonly OwnersMatter[];

export const ownersMatterLabels: Record<OwnersMatter, LocalizedText> = {
  ordinary: { zh: '一般事项（管理规约、议事规则、选聘物业等，民法典第二百七十八条第一款第一至五、九项）', en: 'Ordinary matter (management rules, procedure, property manager…; Civil Code Art. 278 items 1–5, 9)' },
  special: { zh: '须四分之三同意的特别事项（筹集维修资金，改建、重建建筑物及其附属设施，改变共有部分用途或利用共有部分从事经营活动；民法典第二百七十八条第一款第六至八项）', en: 'Special matter needing three-quarters (raising repair funds, rebuilding, changing the use of common parts or running a business on them; Civil Code Art. 278 items 6–8)' },
};

export const ADOPTION_STATUSES = ['notice', 'awaiting_meeting', 'meeting_failed', 'awaiting_filing', 'adopted', 'withdrawn'] as const;
export type AdoptionStatus = (typeof ADOPTION_STATUSES)[number];

export const adoptionStatusLabels: Record<AdoptionStatus, LocalizedText> = {
  notice: { zh: '公示中', en: 'On public notice' },
  awaiting_meeting: { zh: '待表决', en: 'Awaiting the vote' },
  meeting_failed: { zh: '表决未通过', en: 'Vote failed' },
  awaiting_filing: { zh: '待备案', en: 'Awaiting filing' },
  adopted: { zh: '已通过', en: 'Adopted' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export const isAdoptionClosed = (status: AdoptionStatus): boolean => status === 'adopted' || status === 'withdrawn';

/**
 * Where a passing vote leaves the procedure: a residents' convention still goes to the 备案
 * (Organic Law Art. 15); an owners' decision binds the owners once made (民法典 Art. 280), so it
 * is adopted there and then — any filing other rules ask of the owners' bodies is done outside it.
 */
export const statusAfterPassingVote = (instrument: AdoptionInstrument): AdoptionStatus => (instrument === 'residents_convention' ? 'awaiting_filing' : 'adopted');

export const ADOPTION_LIMITS = {
  title: 120,
  location: 200,
  note: 2000,
  reason: 2000,
  filedWith: 100,
  filingNo: 60,
  /** The firm's practice for a convention draft (not a statutory minimum): seven days' notice. */
  minNoticeDays: 7,
  maxNoticeDays: 60,
  /** How far back a notice may have been posted when it is put on record. */
  maxNoticeBackdateDays: 30,
  maxMeetings: 10,
  /** 公示 comments through single-use links. */
  commentBody: 1000,
  commentClause: 40,
  commentSignedAs: 40,
  commentAnswer: 2000,
  commentsPerLink: 10,
  linksPerIssue: 200,
  maxHeadcount: 1_000_000,
  /** Square metres. */
  maxArea: 100_000_000,
} as const;

export interface NoticeTerms {
  noticeFrom: string;
  noticeTo: string;
  location: string;
}

const fieldError = (field: string, zh: string, en: string): FieldError => ({ field, code: 'rule', message: { zh, en } });

/** A notice period the procedure accepts: at least seven days, posted at most 30 days ago, not starting more than 30 days ahead. */
export function checkNoticeTerms(terms: NoticeTerms, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (daysBetween(addCalendarDays(today, -ADOPTION_LIMITS.maxNoticeBackdateDays), terms.noticeFrom) < 0) {
    errors.push(fieldError('noticeFrom', `公示开始日期不得早于 ${ADOPTION_LIMITS.maxNoticeBackdateDays} 日前`, `The notice cannot have started more than ${ADOPTION_LIMITS.maxNoticeBackdateDays} days ago`));
  } else if (daysBetween(today, terms.noticeFrom) > 30) {
    errors.push(fieldError('noticeFrom', '公示开始日期不得晚于 30 日后', 'The notice must start within 30 days'));
  }
  const days = daysBetween(terms.noticeFrom, terms.noticeTo);
  if (days < ADOPTION_LIMITS.minNoticeDays) {
    errors.push(fieldError('noticeTo', `公示期不得少于 ${ADOPTION_LIMITS.minNoticeDays} 日（本所惯例）`, `The notice must run at least ${ADOPTION_LIMITS.minNoticeDays} days (the firm’s practice)`));
  } else if (days > ADOPTION_LIMITS.maxNoticeDays) {
    errors.push(fieldError('noticeTo', `公示期不得超过 ${ADOPTION_LIMITS.maxNoticeDays} 日`, `The notice can run at most ${ADOPTION_LIMITS.maxNoticeDays} days`));
  }
  return errors;
}

/** The figures of one residents' meeting (城市居民委员会组织法 Art. 9). */
export interface ResidentsMeetingFigures {
  kind: 'residents';
  /** Those entitled to take part: adult residents, household representatives or group representatives. */
  eligible: number;
  attendees: number;
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
}

/** The figures of one owners' vote (民法典 Art. 278): exclusive floor area in m² and headcount. */
export interface OwnersVoteFigures {
  kind: 'owners';
  totalArea: number;
  totalOwners: number;
  participatingArea: number;
  participatingOwners: number;
  areaFor: number;
  ownersFor: number;
}

export type MeetingFigures = ResidentsMeetingFigures | OwnersVoteFigures;

export const meetingKindOf = (instrument: AdoptionInstrument): MeetingFigures['kind'] => (instrument === 'residents_convention' ? 'residents' : 'owners');

/** Areas are compared in whole hundredths of a square metre, so that no threshold rests on a binary fraction. */
const hundredths = (area: number) => Math.round(area * 100);

/**
 * Figures that cannot be true (more present than entitled, more votes than voters): a typing
 * mistake to correct, not a failed meeting. Each error names its field.
 */
export function checkMeetingFigures(figures: MeetingFigures): FieldError[] {
  const errors: FieldError[] = [];
  if (figures.kind === 'residents') {
    if (figures.attendees > figures.eligible) errors.push(fieldError('attendees', `实到人数（${figures.attendees}）不得超过应到人数（${figures.eligible}）`, `Present (${figures.attendees}) cannot exceed those entitled (${figures.eligible})`));
    const cast = figures.votesFor + figures.votesAgainst + figures.abstentions;
    if (cast > figures.attendees) {
      errors.push(fieldError('votesFor', `赞成、反对、弃权票合计 ${cast} 票，超过实到人数 ${figures.attendees} 人，请核对表决记录`, `Votes for, against and abstaining add up to ${cast}, more than the ${figures.attendees} present; check the tally`));
    }
    return errors;
  }
  if (hundredths(figures.participatingArea) > hundredths(figures.totalArea)) errors.push(fieldError('participatingArea', '参与表决的专有部分面积不得超过总面积', 'The participating area cannot exceed the total area'));
  if (figures.participatingOwners > figures.totalOwners) errors.push(fieldError('participatingOwners', '参与表决的业主人数不得超过业主总人数', 'The participating owners cannot outnumber all owners'));
  if (hundredths(figures.areaFor) > hundredths(figures.participatingArea)) errors.push(fieldError('areaFor', '同意的专有部分面积不得超过参与表决的面积', 'The area in favour cannot exceed the participating area'));
  if (figures.ownersFor > figures.participatingOwners) errors.push(fieldError('ownersFor', '同意的业主人数不得超过参与表决的人数', 'The owners in favour cannot outnumber those who voted'));
  // Area and headcount go together: every owner holds some exclusive area, and area has an owner.
  const pairs = [
    ['participatingArea', figures.participatingArea, figures.participatingOwners, '参与表决', 'taking part'],
    ['areaFor', figures.areaFor, figures.ownersFor, '同意', 'in favour'],
  ] as const;
  for (const [field, squareMetres, owners, zh, en] of pairs) {
    if ((hundredths(squareMetres) > 0) !== owners > 0) {
      errors.push(fieldError(field, `${zh}的面积为 ${hundredths(squareMetres) / 100} 平方米、人数为 ${owners} 人：面积与人数须同为零或同不为零，请核对表决记录`, `The area ${en} (${hundredths(squareMetres) / 100} m²) and the owners ${en} (${owners}) must both be zero or both not; check the tally`));
    }
  }
  return errors;
}

export type MeetingVerdict = 'passed' | 'no_quorum' | 'vote_lost';

export interface MeetingOutcome {
  verdict: MeetingVerdict;
  /** Why, with the figures and the provision: shown on the record and to the team. */
  explanation: LocalizedText;
}

const areaIn = (unit: string) => (value: number) => `${(hundredths(value) / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })} ${unit}`;
const area = areaIn('平方米');
const areaEn = areaIn('m²');

/**
 * Whether a meeting adopted the instrument, by the law's thresholds. Call only with figures that
 * passed checkMeetingFigures.
 */
export function evaluateMeeting(figures: MeetingFigures, matter: OwnersMatter | null): MeetingOutcome {
  if (figures.kind === 'residents') {
    const result = evaluateResidentsMeeting(figures);
    if (!result.quorumMet) {
      return {
        verdict: 'no_quorum',
        explanation: {
          zh: `出席人数未过半数：应到 ${figures.eligible} 人，实到 ${figures.attendees} 人，至少须 ${result.requiredAttendance} 人出席（城市居民委员会组织法第九条），会议不能举行，须另行召集`,
          en: `No quorum: ${figures.attendees} of ${figures.eligible} attended; at least ${result.requiredAttendance} must (Organic Law of Urban Residents’ Committees Art. 9). The meeting is void; hold another`,
        },
      };
    }
    if (!result.passed) {
      return {
        verdict: 'vote_lost',
        explanation: {
          zh: `赞成票未过出席人数半数：实到 ${figures.attendees} 人，赞成 ${figures.votesFor} 票，至少须 ${result.requiredVotesFor} 票（城市居民委员会组织法第九条），未通过；可修改草案重新公示，或另行召开会议`,
          en: `Not adopted: ${figures.votesFor} of ${figures.attendees} present voted for; at least ${result.requiredVotesFor} are needed (Organic Law Art. 9). Revise and re-notice the draft, or hold another meeting`,
        },
      };
    }
    return {
      verdict: 'passed',
      explanation: {
        zh: `应到 ${figures.eligible} 人，实到 ${figures.attendees} 人（须至少 ${result.requiredAttendance} 人）；赞成 ${figures.votesFor} 票、反对 ${figures.votesAgainst} 票、弃权 ${figures.abstentions} 票（须至少 ${result.requiredVotesFor} 票赞成）；依城市居民委员会组织法第九条表决通过`,
        en: `${figures.attendees} of ${figures.eligible} attended (at least ${result.requiredAttendance} needed); ${figures.votesFor} for, ${figures.votesAgainst} against, ${figures.abstentions} abstaining (at least ${result.requiredVotesFor} needed): adopted under Organic Law Art. 9`,
      },
    };
  }
  const special = matter === 'special';
  const vote = {
    totalArea: hundredths(figures.totalArea),
    totalOwners: figures.totalOwners,
    participatingArea: hundredths(figures.participatingArea),
    participatingOwners: figures.participatingOwners,
    areaFor: hundredths(figures.areaFor),
    ownersFor: figures.ownersFor,
  };
  const result = evaluateOwnersVote(vote, special ? 'special' : 'ordinary');
  const participation = {
    zh: `参与表决：专有部分面积 ${area(figures.participatingArea)}／${area(figures.totalArea)}，人数 ${figures.participatingOwners}／${figures.totalOwners} 人`,
    en: `took part: ${areaEn(figures.participatingArea)} of ${areaEn(figures.totalArea)}, ${figures.participatingOwners} of ${figures.totalOwners} owners`,
  };
  if (!result.participationMet) {
    return {
      verdict: 'no_quorum',
      explanation: {
        zh: `${participation.zh}；须专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决（民法典第二百七十八条第二款），表决无效，须另行组织`,
        en: `Too few took part (${participation.en}); owners with at least two-thirds of the area and two-thirds of the headcount must vote (Civil Code Art. 278 ¶2). Organise another vote`,
      },
    };
  }
  const threshold = special
    ? { zh: '参与表决专有部分面积四分之三以上且参与表决人数四分之三以上的业主同意（民法典第二百七十八条第二款，第一款第六至八项）', en: 'three-quarters of the participating area and of the participating owners (Art. 278 ¶2, items 6–8)' }
    : { zh: '参与表决专有部分面积过半数且参与表决人数过半数的业主同意（民法典第二百七十八条第二款）', en: 'more than half of the participating area and of the participating owners (Art. 278 ¶2)' };
  const tally = {
    zh: `同意：面积 ${area(figures.areaFor)}，人数 ${figures.ownersFor} 人`,
    en: `in favour: ${areaEn(figures.areaFor)}, ${figures.ownersFor} owners`,
  };
  if (!result.passed) {
    return {
      verdict: 'vote_lost',
      explanation: { zh: `${participation.zh}；${tally.zh}；未达到${threshold.zh}，未通过`, en: `Not adopted: ${participation.en}; ${tally.en}; needs ${threshold.en}` },
    };
  }
  return { verdict: 'passed', explanation: { zh: `${participation.zh}；${tally.zh}；达到${threshold.zh}，表决通过`, en: `Adopted: ${participation.en}; ${tally.en}; meets ${threshold.en}` } };
}
