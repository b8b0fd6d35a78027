import { addCalendarDays, CONSULTATION_LIMITS, latestConsultationDue } from '@gongzhi/domain';
import type { Consultation, Team } from '../api/consultations';

/** Days ahead the form proposes for the opinions: time to read the materials, soon enough to act on. */
export const DEFAULT_DUE_DAYS = 3;

/** The due date the form starts with, and the range it accepts (today to the domain's latest). */
export function dueBounds(today: string): { initial: string; min: string; max: string } {
  return { initial: addCalendarDays(today, DEFAULT_DUE_DAYS), min: today, max: latestConsultationDue(today) };
}

/** Open ones first, then the most recently opened (the API's order, kept when a list is merged or refreshed). */
export function sortConsultations<T extends Pick<Consultation, 'status' | 'openedAt'>>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) => Number(b.status === 'open') - Number(a.status === 'open') || b.openedAt.localeCompare(a.openedAt),
  );
}

/** How many of those asked have answered, of how many. */
export function answeredCount(consultation: Pick<Consultation, 'invitees'>): { answered: number; total: number } {
  return {
    answered: consultation.invitees.filter((invitee) => invitee.answered).length,
    total: consultation.invitees.length,
  };
}

/** Opinions oldest first, as a discussion reads. */
export function opinionsInOrder<T extends { givenAt: string }>(opinions: readonly T[]): T[] {
  return [...opinions].sort((a, b) => a.givenAt.localeCompare(b.givenAt));
}

/** The open consultations that keep a task from being completed. */
export function holdingConsultations<T extends Pick<Consultation, 'status' | 'holdsTask'>>(items: readonly T[]): T[] {
  return items.filter((item) => item.status === 'open' && item.holdsTask);
}

export type TeamRole = 'pm' | 'partner' | 'lawyer';
export interface Candidate {
  id: string;
  displayName: string;
  role: TeamRole;
}

/**
 * Whom a consultation may ask: the engagement's firm team (PM, partner, lawyers — never the
 * client's contact), each once, without the one asking.
 */
export function inviteeCandidates(
  team: Pick<Team, 'pm' | 'partner' | 'lawyers'>,
  myId: string | undefined,
): Candidate[] {
  const people: Candidate[] = [
    ...team.lawyers.map((person) => ({ ...person, role: 'lawyer' as const })),
    { ...team.pm, role: 'pm' as const },
    { ...team.partner, role: 'partner' as const },
  ];
  const seen = new Set<string>(myId ? [myId] : []);
  return people
    .filter((person) => {
      if (seen.has(person.id)) return false;
      seen.add(person.id);
      return true;
    })
    .slice(0, CONSULTATION_LIMITS.maxInvitees);
}

/** The form field a server field error belongs to (`invitees.1` is the invitees field). */
export function formFieldOf(field: string): string {
  return field.split('.')[0] ?? field;
}

/** A task that can still be worked on, so a consultation can be tied to it (and hold it). */
export const isOpenTask = (status: string): boolean => status !== 'done' && status !== 'cancelled';
