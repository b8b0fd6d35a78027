import { useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Changes some search parameters and keeps the others. react-router's functional update starts
 * from the parameters of the last render, so two changes before the next render (a tab, then a
 * checkbox) would undo each other; this one starts from the last parameters it wrote.
 */
export function useSearchParamUpdater(): [URLSearchParams, (changes: Record<string, string | null>) => void] {
  const [params, setParams] = useSearchParams();
  const latest = useRef(params);
  const rendered = useRef(params);
  if (rendered.current !== params) {
    // A navigation from elsewhere (a link, back): that is the state to build on now.
    rendered.current = params;
    latest.current = params;
  }
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(latest.current);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    latest.current = next;
    setParams(next, { replace: true });
  };
  return [params, update];
}
