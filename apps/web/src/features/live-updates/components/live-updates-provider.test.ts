import { describe, expect, it } from 'vitest';
import { MAX_STREAMS, pickStreams } from './live-updates-provider';

describe('pickStreams', () => {
  it('streams the engagement on screen first, then the most recently active, within the connection budget', () => {
    expect(pickStreams(['e9'], ['e1', 'e2', 'e9', 'e3'])).toEqual(['e9', 'e1']);
    expect(pickStreams([], ['e1'])).toEqual(['e1']);
    expect(pickStreams([], ['a', 'b', 'c', 'd', 'e'])).toHaveLength(MAX_STREAMS);
  });
});
