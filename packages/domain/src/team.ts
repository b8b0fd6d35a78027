import { type LocalizedText, type WorkerRole } from './template/schema';

/** An engagement's team as planned: the people who may be given its work. */
export interface EngagementTeam {
  pm: string;
  partner: string;
  lawyers: readonly string[];
  /** The client government's contact; without one, the PM records the client's decisions. */
  client?: string | null | undefined;
}

/**
 * Who may be given a task of this role: the one rule the workflow enforces, the API reports and
 * the dashboard offers. Lawyers' work can go to any lawyer or the PM; a partner's sign-off only to
 * the partner; the client's decisions to the client contact (to the PM only when there is none).
 */
export function eligibleAssignees(role: WorkerRole, team: EngagementTeam): string[] {
  switch (role) {
    case 'lawyer':
      return [...new Set([...team.lawyers, team.pm])];
    case 'partner':
      return [team.partner];
    case 'client':
      return [team.client ?? team.pm];
    case 'pm':
      return [team.pm];
  }
}

export type CompletionAuthority =
  | { allowed: true; standIn: false }
  /** The PM records a client's decision because the team has no client contact: a reason is required. */
  | { allowed: true; standIn: true }
  | { allowed: false; reason: LocalizedText };

/**
 * Whether `actorId` may complete a task of this role assigned to `assigneeId`. The assignee
 * always may. The PM may also finish a lawyer's work (they run the engagement) and, only when
 * the team has no client contact, record the client's decision in the client's stead. Nobody
 * signs for the partner (a stage gate is four-eyes) or for a client who is on the team.
 */
export function completionAuthority(task: { role: WorkerRole; assigneeId: string }, team: EngagementTeam, actorId: string): CompletionAuthority {
  if (task.role === 'partner') {
    return actorId === team.partner && actorId === task.assigneeId
      ? { allowed: true, standIn: false }
      : { allowed: false, reason: { zh: '合伙人审核签署只能由本项目的合伙人本人办理', en: 'Only the engagement’s partner can sign this off' } };
  }
  if (task.role === 'client') {
    if (team.client) {
      return actorId === task.assigneeId
        ? { allowed: true, standIn: false }
        : { allowed: false, reason: { zh: '委托方的确认只能由委托方联系人本人办理', en: 'Only the client contact can confirm this' } };
    }
    return actorId === team.pm ? { allowed: true, standIn: true } : { allowed: false, reason: { zh: '委托方确认由项目经理代为记录', en: 'The project manager records the client’s decision' } };
  }
  if (actorId === task.assigneeId || actorId === team.pm) return { allowed: true, standIn: false };
  return { allowed: false, reason: { zh: '只有任务负责人或项目经理可以完成此任务', en: 'Only the assignee or the project manager can complete this task' } };
}
