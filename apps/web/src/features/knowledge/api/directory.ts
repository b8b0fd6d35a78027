import type { KnowledgeKind } from '@gongzhi/domain';

/** An entry as a citation or a link needs it. */
export interface DirectoryEntry {
  kind: KnowledgeKind;
  key: string;
  title: string;
  /** A violation's catalogue number; the built-in order otherwise. */
  position: number;
  unverified: boolean;
}

/**
 * What content refers to (a provision's law, a power's templates and violations), named and
 * linked: from the firm's knowledge base on its pages, from the engagement's copy on an
 * engagement's (a client may read the copy but not the firm's knowledge base).
 */
export interface KnowledgeDirectory {
  entries: readonly DirectoryEntry[];
  /** Where a reference leads, or null when it should not be a link. */
  href: (kind: KnowledgeKind, key: string) => string | null;
}

export const findEntry = (
  directory: KnowledgeDirectory,
  kind: KnowledgeKind,
  key: string,
): DirectoryEntry | undefined => directory.entries.find((entry) => entry.kind === kind && entry.key === key);

export const findViolationByNo = (directory: KnowledgeDirectory, no: number): DirectoryEntry | undefined =>
  directory.entries.find((entry) => entry.kind === 'violation' && entry.position === no);

export const entriesOfKind = (directory: KnowledgeDirectory, kind: KnowledgeKind): DirectoryEntry[] =>
  directory.entries.filter((entry) => entry.kind === kind).sort((a, b) => a.position - b.position);

export const EMPTY_DIRECTORY: KnowledgeDirectory = { entries: [], href: () => null };
