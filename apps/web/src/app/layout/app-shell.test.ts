import { describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n';
import { navItems, selectedNav } from './app-shell';

const paths = (roles: Parameters<typeof navItems>[0]['roles']) => navItems({ roles }, (key) => i18n.t(key)).map((item) => item.path);

describe('navItems', () => {
  it('gives each role its own screens', () => {
    expect(paths(['pm'])).toEqual(['/', '/engagements', '/tasks', '/risk', '/knowledge', '/engagements/new', '/notifications']);
    expect(paths(['lawyer'])).toEqual(['/', '/engagements', '/tasks', '/knowledge', '/notifications']);
    expect(paths(['partner'])).toEqual(['/', '/engagements', '/tasks', '/reviews', '/risk', '/knowledge', '/notifications']);
    expect(paths(['admin'])).toEqual(['/', '/engagements', '/risk', '/knowledge', '/engagements/new', '/notifications']);
    // The client reads its engagement's copy of the knowledge base, not the firm's.
    expect(paths(['client'])).toEqual(['/', '/tasks', '/notifications']);
  });
});

describe('selectedNav', () => {
  it('highlights the most specific entry', () => {
    const items = navItems({ roles: ['pm'] }, (key) => i18n.t(key));
    expect(selectedNav(items, '/engagements/new')).toBe('/engagements/new');
    expect(selectedNav(items, '/engagements/1234')).toBe('/engagements');
    expect(selectedNav(items, '/')).toBe('/');
    expect(selectedNav(items, '/deliverables/1')).toBeNull();
    expect(selectedNav(items, '/account')).toBeNull();
    expect(selectedNav(items, '/knowledge/law/civil-code')).toBe('/knowledge');
  });
});
