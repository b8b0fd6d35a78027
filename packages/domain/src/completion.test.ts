import { describe, expect, it } from 'vitest';
import { checkCompletion } from './completion';
import { findTemplate } from './template/registry';

const template = findTemplate('community-governance')!;
const task = (stageKey: string, taskKey: string) =>
  template.stages.find((stage) => stage.key === stageKey)!.tasks.find((candidate) => candidate.key === taskKey)!;

describe('checkCompletion', () => {
  const vote = task('self-governance', 'residents-meeting-vote');
  const valid = { heldOn: '2026-05-20', eligible: 120, attendees: 70, votesFor: 50, votesAgainst: 12, abstentions: 8 };

  it('accepts a valid residents’ meeting vote', () => {
    expect(checkCompletion(vote, valid)).toEqual({ ok: true, values: valid });
  });

  it('refuses a vote without a quorum (Organic Law Art. 9)', () => {
    const result = checkCompletion(vote, { ...valid, attendees: 60, votesFor: 40 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]!.field).toBe('attendees');
      expect(result.errors[0]!.message.zh).toContain('至少须 61 人出席');
    }
  });

  it('refuses a vote that is not carried by more than half of those present', () => {
    const result = checkCompletion(vote, { ...valid, votesFor: 35 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.field).toBe('votesFor');
  });

  it('refuses figures that cannot be true: more votes cast than people present, more present than eligible', () => {
    const overcast = checkCompletion(vote, { ...valid, eligible: 200, attendees: 110, votesFor: 100, votesAgainst: 60, abstentions: 60 });
    expect(overcast.ok).toBe(false);
    if (!overcast.ok) {
      expect(overcast.errors).toEqual([expect.objectContaining({ field: 'votesFor', code: 'rule' })]);
      expect(overcast.errors[0]!.message.zh).toBe('赞成、反对、弃权票合计 220 票，超过实到人数 110 人，请核对表决记录');
    }
    const crowd = checkCompletion(vote, { ...valid, eligible: 60, attendees: 70 });
    expect(crowd.ok).toBe(false);
    if (!crowd.ok) expect(crowd.errors[0]).toMatchObject({ field: 'attendees', message: { zh: '实到人数（70）不得超过应到人数（60）' } });
    // Exactly everyone present voting is fine.
    expect(checkCompletion(vote, { ...valid, attendees: 70, votesFor: 50, votesAgainst: 10, abstentions: 10 }).ok).toBe(true);
  });

  it('refuses text the database cannot store (NUL, a lone surrogate), in values and in keys', () => {
    const meeting = task('proposal', 'client-meeting');
    const good = { meetingDate: '2026-03-10', attendees: '街道办事处主任、王浩然', minutes: '委托方同意服务方案。' };
    expect(checkCompletion(meeting, good).ok).toBe(true);
    for (const bad of ['\ud800', 'a\udc00b', '纪要\u0000']) {
      const result = checkCompletion(meeting, { ...good, minutes: bad });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors).toEqual([expect.objectContaining({ field: 'minutes', code: 'invalid_characters' })]);
    }
    // A well-formed pair (an emoji) is fine.
    expect(checkCompletion(meeting, { ...good, minutes: '同意 \ud83d\udc4d' }).ok).toBe(true);
    const badKey = checkCompletion(meeting, { ...good, ['\ud800']: 'x' });
    expect(badKey.ok).toBe(false);
    if (!badKey.ok) expect(badKey.errors).toEqual([expect.objectContaining({ field: '_form', code: 'unknown_field' })]);
  });

  it('reports missing, mistyped and unknown fields together', () => {
    const result = checkCompletion(vote, { heldOn: '2026-02-30', eligible: 'many', extra: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const codes = Object.fromEntries(result.errors.map((error) => [error.field, error.code]));
      expect(codes).toMatchObject({ extra: 'unknown_field', heldOn: 'invalid_date', eligible: 'invalid_type', attendees: 'required' });
    }
  });

  it('requires all four democratic modules in the self-governance handbook', () => {
    const manual = task('self-governance', 'self-governance-manual');
    expect(checkCompletion(manual, { modules: ['election', 'decision', 'management'] }).ok).toBe(false);
    expect(checkCompletion(manual, { modules: ['election', 'decision', 'management', 'oversight'] }).ok).toBe(true);
    expect(checkCompletion(manual, { modules: ['election', 'bribery'] }).ok).toBe(false);
  });

  it('applies date-order and not-greater rules', () => {
    const notice = task('self-governance', 'public-notice');
    expect(checkCompletion(notice, { noticeFrom: '2026-05-01', noticeTo: '2026-05-05', location: '公告栏' }).ok).toBe(false);
    expect(checkCompletion(notice, { noticeFrom: '2026-05-01', noticeTo: '2026-05-08', location: '公告栏' }).ok).toBe(true);
    const questionnaire = task('research', 'questionnaire');
    expect(checkCompletion(questionnaire, { distributed: 100, returned: 101, keyFindings: 'x' }).ok).toBe(false);
  });

  it('refuses a non-object submission and a client confirmation that is not given', () => {
    expect(checkCompletion(vote, null).ok).toBe(false);
    expect(checkCompletion(vote, [1]).ok).toBe(false);
    expect(checkCompletion(task('proposal', 'client-confirm-plan'), { confirmed: false }).ok).toBe(false);
  });
});
