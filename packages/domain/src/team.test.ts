import { describe, expect, it } from 'vitest';
import { completionAuthority, eligibleAssignees } from './team';

const team = { pm: 'pm', partner: 'partner', lawyers: ['wang', 'liu'], client: 'zhao' };
const noClient = { ...team, client: null };

describe('who may be given a task', () => {
  it('gives lawyers’ work to a lawyer or the PM, sign-offs to the partner, decisions to the client contact', () => {
    expect(eligibleAssignees('lawyer', team)).toEqual(['wang', 'liu', 'pm']);
    expect(eligibleAssignees('partner', team)).toEqual(['partner']);
    expect(eligibleAssignees('client', team)).toEqual(['zhao']);
    expect(eligibleAssignees('client', noClient)).toEqual(['pm']);
    expect(eligibleAssignees('pm', team)).toEqual(['pm']);
  });

  it('lists the PM once when the PM is also among the lawyers', () => {
    expect(eligibleAssignees('lawyer', { ...team, lawyers: ['wang', 'pm'] })).toEqual(['wang', 'pm']);
  });
});

describe('who may complete a task', () => {
  it('lets the assignee, and the PM for a lawyer’s work', () => {
    expect(completionAuthority({ role: 'lawyer', assigneeId: 'wang' }, team, 'wang')).toEqual({ allowed: true, standIn: false });
    expect(completionAuthority({ role: 'lawyer', assigneeId: 'wang' }, team, 'pm')).toEqual({ allowed: true, standIn: false });
    expect(completionAuthority({ role: 'lawyer', assigneeId: 'wang' }, team, 'liu').allowed).toBe(false);
  });

  it('keeps a partner’s sign-off to the partner: four eyes, not the PM’s two', () => {
    expect(completionAuthority({ role: 'partner', assigneeId: 'partner' }, team, 'partner')).toEqual({ allowed: true, standIn: false });
    const refused = completionAuthority({ role: 'partner', assigneeId: 'partner' }, team, 'pm');
    expect(refused).toMatchObject({ allowed: false, reason: { zh: '合伙人审核签署只能由本项目的合伙人本人办理' } });
  });

  it('keeps a client’s decision to the client contact, and lets the PM stand in only when there is none', () => {
    expect(completionAuthority({ role: 'client', assigneeId: 'zhao' }, team, 'zhao')).toEqual({ allowed: true, standIn: false });
    expect(completionAuthority({ role: 'client', assigneeId: 'zhao' }, team, 'pm').allowed).toBe(false);
    expect(completionAuthority({ role: 'client', assigneeId: 'pm' }, noClient, 'pm')).toEqual({ allowed: true, standIn: true });
    expect(completionAuthority({ role: 'client', assigneeId: 'pm' }, noClient, 'wang').allowed).toBe(false);
  });
});
