import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { queryKeys, workQueryPrefixes } from '../../../lib/query-keys';
import { loadEventContract, recentEngagementsQueryOptions, streamUrl } from '../api/watch-list';

/**
 * Browsers open at most six HTTP/1.1 connections per origin, shared by all tabs, and every
 * EventSource holds one for good. Two streams per tab leave room for requests even with a second
 * tab open, and hidden tabs close theirs. The engagement on screen always gets one; the other
 * goes to the most recently active; everything else refreshes on the 60 s interval.
 */
export const MAX_STREAMS = 2;
/** Events arrive in bursts (a completion moves a task, a stage and a deliverable): refetch once per burst. */
const INVALIDATE_DELAY_MS = 250;

export type LiveStatus = 'live' | 'connecting' | 'offline';

interface LiveContextValue {
  status: LiveStatus;
  streams: number;
  watch(engagementId: string): () => void;
}

const LiveContext = createContext<LiveContextValue>({ status: 'offline', streams: 0, watch: () => () => undefined });

/** Chooses which engagements get a stream: those on screen first, then the most recently active. */
export function pickStreams(pinned: readonly string[], recent: readonly string[], max = MAX_STREAMS): string[] {
  return [...new Set([...pinned, ...recent])].slice(0, max);
}

export function LiveUpdatesProvider({ children, enabled }: { children: ReactNode; enabled: boolean }) {
  const queryClient = useQueryClient();
  const [pinned, setPinned] = useState<string[]>([]);
  const [openCount, setOpenCount] = useState(0);
  const recent = useQuery({ ...recentEngagementsQueryOptions(), enabled });
  const recentIds = useMemo(() => recent.data?.items.map((item) => item.id) ?? [], [recent.data]);
  const isVisible = useDocumentVisible();
  const streamKey = enabled && isVisible ? pickStreams(pinned, recentIds).join(',') : '';

  const pending = useRef({ work: false, notifications: false, timer: undefined as ReturnType<typeof setTimeout> | undefined });
  const schedule = useCallback(
    (what: 'work' | 'notifications') => {
      pending.current[what] = true;
      if (pending.current.timer !== undefined) return;
      pending.current.timer = setTimeout(() => {
        const { work, notifications } = pending.current;
        pending.current = { work: false, notifications: false, timer: undefined };
        if (work) for (const prefix of workQueryPrefixes) void queryClient.invalidateQueries({ queryKey: prefix });
        if (notifications) void queryClient.invalidateQueries({ queryKey: queryKeys.notifications.all });
      }, INVALIDATE_DELAY_MS);
    },
    [queryClient],
  );

  useEffect(() => {
    if (!streamKey || typeof EventSource === 'undefined') return;
    const ids = streamKey.split(',');
    const open = new Set<string>();
    const sources: EventSource[] = [];
    let cancelled = false;
    void (async () => {
      const [{ engagementEventSchema, ENGAGEMENT_EVENT_TYPES }, urls] = await Promise.all([loadEventContract(), Promise.all(ids.map(streamUrl))]);
      if (cancelled) return;
      ids.forEach((id, index) => {
        const source = new EventSource(urls[index] as string, { withCredentials: true });
        sources.push(source);
        let hadError = false;
        source.addEventListener('open', () => {
          open.add(id);
          setOpenCount(open.size);
          // Back after a drop: events in the gap may be lost, so refetch what is on screen.
          if (hadError) {
            schedule('work');
            schedule('notifications');
          }
        });
        source.addEventListener('error', () => {
          hadError = true;
          open.delete(id);
          setOpenCount(open.size);
        });
        const onEvent = (message: MessageEvent<string>) => {
          let data: unknown;
          try {
            data = JSON.parse(message.data);
          } catch {
            return;
          }
          const parsed = engagementEventSchema.safeParse(data);
          if (parsed.success) schedule(parsed.data.type === 'notification' ? 'notifications' : 'work');
        };
        // The server names each event (`event: task.updated`), so `onmessage` alone would miss them.
        for (const type of ENGAGEMENT_EVENT_TYPES) source.addEventListener(type, onEvent);
        source.addEventListener('message', onEvent);
      });
    })();
    return () => {
      cancelled = true;
      for (const source of sources) source.close();
      setOpenCount(0);
    };
  }, [streamKey, schedule]);

  useEffect(() => () => clearTimeout(pending.current.timer), []);

  const watch = useCallback((engagementId: string) => {
    setPinned((current) => [engagementId, ...current]);
    return () =>
      setPinned((current) => {
        const index = current.indexOf(engagementId);
        return index === -1 ? current : [...current.slice(0, index), ...current.slice(index + 1)];
      });
  }, []);

  const wanted = streamKey ? streamKey.split(',').length : 0;
  const status: LiveStatus = wanted === 0 ? 'offline' : openCount === 0 ? 'connecting' : 'live';
  const value = useMemo(() => ({ status, streams: openCount, watch }), [status, openCount, watch]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

/** False while the tab is in the background: its streams are closed to free connections (queries refetch on return). */
function useDocumentVisible(): boolean {
  const [isVisible, setVisible] = useState(() => typeof document === 'undefined' || document.visibilityState !== 'hidden');
  useEffect(() => {
    const update = () => setVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return isVisible;
}

/** Keeps a stream open for this engagement while the calling page is on screen. */
export function useWatchEngagement(engagementId: string | undefined | null): void {
  const { watch } = useContext(LiveContext);
  useEffect(() => (engagementId ? watch(engagementId) : undefined), [engagementId, watch]);
}

export const useLiveStatus = (): { status: LiveStatus; streams: number } => {
  const { status, streams } = useContext(LiveContext);
  return { status, streams };
};
