import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import type { CommunityProfile, CommunityProfileDetails } from '../api/community-profiles';
import { CommunityProfiles } from './community-profiles';

const ENGAGEMENT = '0190a0b0-0000-7000-8000-0000000000e1';
const LAWYER = { id: '0190a0b0-0000-7000-8000-0000000000c1', displayName: '王浩然' };
const hepingli = { key: 'hepingli-bei', name: '和平里北社区' };
const anding = { key: 'anding', name: '安定门社区' };
const HEPINGLI: CommunityProfileDetails = {
  partyOrganization: '中共和平里北社区委员会',
  households: 3126,
  residents: 7458,
  residentGroups: 14,
  committeeMembers: [
    { name: '孟凡荣', position: '党委书记、主任' },
    { name: '韩立新', position: '副主任' },
  ],
  subCommittees: ['人民调解委员会'],
  compounds: [
    { name: '和平里七区', type: '老旧小区', households: 1284, ownersBody: null, propertyCompany: '无物业（居委会托管）' },
    { name: '和平里九区', type: '房改房小区', households: 968, ownersBody: '物业管理委员会', propertyCompany: null },
    { name: '北三环东路18号院', type: '商品房小区', households: 874, ownersBody: '业主委员会', propertyCompany: '北京安居佳业物业管理有限公司' },
  ],
  mediation: { members: ['孟凡荣'], venue: '和平里北社区党群服务中心一层调解室', phone: '010-84271516' },
  features: ['和平里七区无物业服务企业，由居委会托管。'],
};

const profileOf = (community: { key: string; name: string }, profile: CommunityProfileDetails | null, version: number, edit = true): CommunityProfile => ({
  engagementId: ENGAGEMENT,
  community,
  profile,
  version,
  updatedBy: profile ? LAWYER : null,
  updatedAt: profile ? '2026-03-02T02:30:00.000Z' : null,
  can: { edit },
});

// The section talks to the API through the app's typed client; `fetch` answers as the API would.
let listed: CommunityProfile[] = [];
let conflictOnSave = false;
const requests: { method: string; url: string; body: unknown }[] = [];
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
  const method = init?.method ?? 'GET';
  const body = init?.body ? (JSON.parse(String(init.body)) as CommunityProfileDetails & { expectedVersion: number }) : null;
  requests.push({ method, url: String(input), body });
  if (method === 'GET') return json({ items: listed });
  if (conflictOnSave)
    return json(
      {
        error: {
          code: 'conflict',
          message: '社区概况已被他人修改（当前为第 3 版），请刷新后在最新版本上修改',
          fieldErrors: [{ field: 'expectedVersion', code: 'rule', message: '社区概况已被他人修改（当前为第 3 版），请刷新后在最新版本上修改' }],
          requestId: 'req-1',
        },
      },
      409,
    );
  const key = String(input).split('/').pop() as string;
  const { expectedVersion, ...details } = body!;
  return json(profileOf(key === anding.key ? anding : hepingli, details, expectedVersion + 1));
});
afterEach(() => {
  requests.length = 0;
  conflictOnSave = false;
});

const row = (key: string) => document.querySelector(`[data-testid="community-profile"][data-community="${key}"]`) as HTMLElement;
const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });
/** The text input of the form item labelled `label` inside `scope`. */
const inputOf = (scope: HTMLElement, label: string) => {
  const item = within(scope).getByText(label, { selector: 'label' }).closest('.ant-form-item') as HTMLElement;
  return item.querySelector('input, textarea') as HTMLInputElement;
};

describe('CommunityProfiles', () => {
  it('lists every community, recorded or not, with its figures; a recorded one opens in place', async () => {
    listed = [profileOf(hepingli, HEPINGLI, 2), profileOf(anding, null, 0)];
    renderWithProviders(<CommunityProfiles engagementId={ENGAGEMENT} />);
    await screen.findByText('和平里北社区');
    expect(screen.getByTestId('profiles-progress').textContent).toBe('已填写 1/2 个社区');

    const recorded = row('hepingli-bei');
    expect(within(recorded).getByTestId('profile-state').textContent).toBe('已填写（第 2 版）');
    expect(within(recorded).getByTestId('profile-figures').textContent).toBe('3126 户 · 7458 人 · 小区（院落）3 个 · 居委会成员 2 人');
    expect(recorded.textContent).toContain('王浩然 更新于');
    expect(within(recorded).getByTestId('edit-profile').textContent).toBe('修 改');

    const missing = row('anding');
    expect(within(missing).getByTestId('profile-state').textContent).toBe('未填写');
    expect(within(missing).queryByTestId('profile-figures')).toBeNull();
    expect(within(missing).queryByTestId('view-profile')).toBeNull();
    expect(within(missing).getByTestId('edit-profile').textContent).toBe('填 写');

    fireEvent.click(within(recorded).getByTestId('view-profile'));
    const view = within(recorded).getByTestId('profile-view');
    expect(view.textContent).toContain('中共和平里北社区委员会');
    expect(view.textContent).toContain('3126 户、7458 人，居民小组 14 个');
    expect(view.textContent).toContain('孟凡荣（党委书记、主任）、韩立新（副主任）');
    expect(view.textContent).toContain('和平里七区 · 老旧小区 · 1284 户 · 业主组织：未成立 · 物业服务：无物业（居委会托管）');
    expect(view.textContent).toContain('电话：010-84271516');
  });

  it('offers the partner the profiles to read, nothing to edit', async () => {
    listed = [profileOf(hepingli, HEPINGLI, 1, false), profileOf(anding, null, 0, false)];
    renderWithProviders(<CommunityProfiles engagementId={ENGAGEMENT} />);
    await screen.findByText('和平里北社区');
    expect(screen.queryAllByTestId('edit-profile')).toHaveLength(0);
    fireEvent.click(within(row('hepingli-bei')).getByTestId('view-profile'));
    expect(within(row('hepingli-bei')).getByTestId('profile-view').textContent).toContain('和平里北社区党群服务中心一层调解室');
  });

  it('records a first profile on version 0, blanks sent as null, after saying what is missing', async () => {
    listed = [profileOf(hepingli, HEPINGLI, 2), profileOf(anding, null, 0)];
    renderWithProviders(<CommunityProfiles engagementId={ENGAGEMENT} />);
    await screen.findByText('安定门社区');
    fireEvent.click(within(row('anding')).getByTestId('edit-profile'));
    const form = await screen.findByTestId('profile-form');
    expect(screen.getByText('填写社区概况：安定门社区')).toBeTruthy();
    expect(inputOf(form, '社区党组织').placeholder).toBe('如：中共安定门社区委员会');

    fireEvent.click(screen.getByTestId('save-profile'));
    await waitFor(() => expect(within(form).getAllByText('请填写').length).toBeGreaterThanOrEqual(2));
    expect(within(form).getAllByText('请填写 0 至 1000000 之间的整数')).toHaveLength(2);
    expect(requests.filter((request) => request.method === 'PUT')).toHaveLength(0);

    type(inputOf(form, '社区党组织'), ' 中共安定门社区委员会 ');
    type(inputOf(form, '居民户数'), '2217');
    type(inputOf(form, '居民人数'), '5096');
    fireEvent.click(screen.getByTestId('add-member'));
    const member = within(form).getByTestId('committee-member');
    type(within(member).getByPlaceholderText('姓名，如：王秀兰'), '周桂芳');
    type(within(member).getByRole('combobox'), '党委书记、主任');
    fireEvent.click(screen.getByTestId('add-compound'));
    const compound = within(form).getByTestId('compound');
    type(inputOf(compound, '名称'), '安德路甲41号院');
    expect(inputOf(compound, '业主组织').value).toBe('未成立');
    type(inputOf(form, '调解地点'), '安定门社区居委会议事厅');
    fireEvent.click(screen.getByTestId('save-profile'));

    expect(await screen.findByText('已保存', undefined, { timeout: 10_000 })).toBeTruthy();
    expect(requests.filter((request) => request.method === 'PUT')).toEqual([
      {
        method: 'PUT',
        url: `/api/engagements/${ENGAGEMENT}/community-profiles/anding`,
        body: {
          partyOrganization: '中共安定门社区委员会',
          households: 2217,
          residents: 5096,
          residentGroups: null,
          committeeMembers: [{ name: '周桂芳', position: '党委书记、主任' }],
          subCommittees: [],
          compounds: [{ name: '安德路甲41号院', type: null, households: null, ownersBody: null, propertyCompany: null }],
          mediation: { members: [], venue: '安定门社区居委会议事厅', phone: null },
          features: [],
          expectedVersion: 0,
        },
      },
    ]);
    // The list is asked again for the saved version.
    await waitFor(() => expect(requests.filter((request) => request.method === 'GET').length).toBeGreaterThanOrEqual(2));
  });

  it('says someone saved meanwhile, and loads the newest version to edit on', async () => {
    listed = [profileOf(hepingli, HEPINGLI, 2), profileOf(anding, null, 0)];
    conflictOnSave = true;
    renderWithProviders(<CommunityProfiles engagementId={ENGAGEMENT} />);
    await screen.findByText('和平里北社区');
    fireEvent.click(within(row('hepingli-bei')).getByTestId('edit-profile'));
    const form = await screen.findByTestId('profile-form');
    expect(screen.getByText('修改社区概况：和平里北社区（第 2 版）')).toBeTruthy();
    expect(inputOf(form, '社区党组织').value).toBe('中共和平里北社区委员会');
    type(inputOf(form, '居民户数'), '3130');
    fireEvent.click(screen.getByTestId('save-profile'));

    const alert = await screen.findByTestId('profile-conflict', undefined, { timeout: 10_000 });
    expect(alert.textContent).toContain('社区概况已被他人修改（当前为第 3 版）');
    expect(alert.textContent).toContain('他人刚修改了这个社区的概况');
    expect((screen.getByTestId('save-profile') as HTMLButtonElement).disabled).toBe(true);
    const sent = requests.find((request) => request.method === 'PUT');
    expect(sent?.body).toMatchObject({ households: 3130, expectedVersion: 2, compounds: [{ ownersBody: null }, { ownersBody: '物业管理委员会', propertyCompany: null }, {}] });

    listed = [profileOf(hepingli, { ...HEPINGLI, households: 3200 }, 3), profileOf(anding, null, 0)];
    conflictOnSave = false;
    fireEvent.click(screen.getByTestId('load-latest'));
    expect(await screen.findByText('修改社区概况：和平里北社区（第 3 版）')).toBeTruthy();
    expect(screen.queryByTestId('profile-conflict')).toBeNull();
    expect(inputOf(screen.getByTestId('profile-form'), '居民户数').value).toBe('3200');
  });
});
