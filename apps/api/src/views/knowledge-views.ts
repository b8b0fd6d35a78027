import { type EngagementKnowledgeRow, type KnowledgeEntry, type KnowledgeVersion } from '@gongzhi/db';
import { iso, userRef } from './common';

type VersionWithAuthor = KnowledgeVersion & { author: { id: string; displayName: string } | null };

export function toKnowledgeVersion(version: VersionWithAuthor) {
  return {
    version: version.version,
    title: version.title,
    unverified: version.unverified,
    reason: version.reason,
    author: version.author ? userRef(version.author) : null,
    createdAt: iso(version.createdAt),
  };
}

/** A master entry with its current content and who wrote that version, and why. */
export function toKnowledgeEntry(entry: KnowledgeEntry, last: VersionWithAuthor | null) {
  return {
    id: entry.id,
    kind: entry.kind,
    key: entry.key,
    position: entry.position,
    title: entry.title,
    version: entry.version,
    unverified: entry.unverified,
    updatedAt: iso(entry.updatedAt),
    // The stored content passed its kind's schema when it was written.
    content: entry.content as never,
    lastChange: {
      reason: last?.reason ?? '（无记录）',
      author: last?.author ? userRef(last.author) : null,
      at: iso(last?.createdAt ?? entry.updatedAt),
    },
  };
}

export function toEngagementKnowledgeRow(row: EngagementKnowledgeRow) {
  return {
    entryId: row.entryId,
    kind: row.kind,
    key: row.key,
    position: row.position,
    title: row.title,
    unverified: row.unverified,
    masterVersion: row.masterVersion,
    baseVersion: row.baseVersion,
    state: row.state,
    adapted: row.adapted
      ? { reason: row.adapted.reason, by: row.adapted.byId && row.adapted.byName ? { id: row.adapted.byId, displayName: row.adapted.byName } : null, at: iso(row.adapted.at) }
      : null,
  };
}
