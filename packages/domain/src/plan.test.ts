import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from './calendar';
import { chinaHolidayCalendar } from './holidays';
import { planEngagement, type PlanInput } from './plan';
import { findTemplate } from './template/registry';
import { pipelineTemplateSchema } from './template/schema';

const template = findTemplate('community-governance', 1)!;
const calendar = createBusinessCalendar(chinaHolidayCalendar());
const input: PlanInput = {
  startDate: '2026-02-02',
  communities: [
    { key: 'c1', name: '朝阳社区' },
    { key: 'c2', name: '和平社区' },
    { key: 'c3', name: '幸福社区' },
  ],
  departments: [
    { key: 'fire', name: '消防救援机构' },
    { key: 'police', name: '公安派出所' },
  ],
  team: { pm: 'pm', partner: 'partner', lawyers: ['l1', 'l2'], client: 'client' },
};

describe('the community-governance v1 template', () => {
  it('covers the seven stages of the product brief', () => {
    expect(template.stages.map((stage) => stage.key)).toEqual([
      'proposal',
      'training',
      'research',
      'government-system',
      'self-governance',
      'interaction',
      'promotion',
    ]);
    const partnerReviewed = template.stages.flatMap((stage) => stage.tasks).filter((task) => task.deliverable?.requiresReview);
    expect(partnerReviewed.map((task) => task.deliverable!.key)).toContain('service-plan');
    expect(partnerReviewed.map((task) => task.deliverable!.key)).toContain('closing-report');
  });

  it('rejects a template whose task depends on one that does not exist', () => {
    const broken = structuredClone(template);
    broken.stages[0]!.tasks[0]!.dependsOn = ['nope'];
    expect(pipelineTemplateSchema.safeParse(broken).success).toBe(false);
  });
});

describe('planEngagement', () => {
  const plan = planEngagement(template, input, calendar);
  const byKey = new Map(plan.tasks.map((task) => [task.key, task]));

  it('expands community and department work into one task each', () => {
    const symposia = plan.tasks.filter((task) => task.templateTaskKey === 'community-symposium');
    expect(symposia.map((task) => task.communityKey)).toEqual(['c1', 'c2', 'c3']);
    const consultations = plan.tasks.filter((task) => task.templateTaskKey === 'department-consultation');
    expect(consultations.map((task) => task.departmentKey)).toEqual(['fire', 'police']);
    expect(new Set(plan.tasks.map((task) => task.key)).size).toBe(plan.tasks.length);
  });

  it('wires dependencies within a community and across all communities', () => {
    expect(byKey.get('research.community-findings~c2')!.dependsOn).toEqual([
      'research.community-symposium~c2',
      'research.questionnaire~c2',
      'research.interviews~c2',
    ]);
    expect(byKey.get('research.research-report')!.dependsOn).toEqual([
      'research.government-symposium',
      'research.community-findings~c1',
      'research.community-findings~c2',
      'research.community-findings~c3',
    ]);
    const gate = byKey.get('government-system.gate-partner')!;
    expect(gate.isGate).toBe(true);
    expect(gate.assigneeId).toBe('partner');
    expect(gate.dependsOn).toContain('government-system.department-consultation~police');
  });

  it('plans due dates on business days across the Spring Festival', () => {
    // Start Mon 2 Feb 2026: 5 business days → Mon 9 Feb; 10 → Sat 14 Feb, a 调休 workday.
    expect(byKey.get('proposal.draft-service-plan')!.dueDate).toBe('2026-02-09');
    expect(byKey.get('proposal.client-confirm-plan')!.dueDate).toBe('2026-02-14');
    // 12 business days: … 13 Feb (9), 14 Feb (调休 Saturday, 10), then the break, 24 Feb (11), 25 Feb (12).
    expect(byKey.get('proposal.sign-cooperation')!.dueDate).toBe('2026-02-25');
    for (const task of plan.tasks) {
      expect(calendar.isBusinessDay(task.dueDate), task.key).toBe(true);
      expect(task.reminderDate <= task.dueDate && task.escalationDate > task.dueDate, task.key).toBe(true);
    }
  });

  it('assigns by role, spreading lawyers over communities', () => {
    expect(byKey.get('proposal.client-confirm-plan')!.assigneeId).toBe('client');
    expect(byKey.get('proposal.client-meeting')!.assigneeId).toBe('pm');
    expect(byKey.get('research.questionnaire~c1')!.assigneeId).toBe('l1');
    expect(byKey.get('research.questionnaire~c2')!.assigneeId).toBe('l2');
    expect(byKey.get('research.questionnaire~c3')!.assigneeId).toBe('l1');
    const withoutClient = planEngagement(template, { ...input, team: { ...input.team, client: undefined } }, calendar);
    expect(withoutClient.tasks.find((task) => task.key === 'proposal.client-confirm-plan')!.assigneeId).toBe('pm');
  });

  it('orders stage windows and runs government and self-governance side by side', () => {
    const stage = (key: string) => plan.stages.find((candidate) => candidate.key === key)!;
    expect(stage('government-system').after).toEqual(['research']);
    expect(stage('self-governance').after).toEqual(['research']);
    for (const current of plan.stages) expect(current.plannedStart <= current.plannedEnd, current.key).toBe(true);
    expect(plan.templateVersion).toBe(1);
  });

  it('refuses duplicate community keys', () => {
    expect(() => planEngagement(template, { ...input, communities: [input.communities[0]!, input.communities[0]!] }, calendar)).toThrow(/duplicate/);
  });
});
