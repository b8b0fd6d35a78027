import { COMMUNITY_PROFILE_LIMITS, COMPOUND_TYPES, OWNERS_BODIES } from '@gongzhi/domain';
import { App, AutoComplete, Button, Card, Descriptions, Drawer, Flex, Form, type FormRule, Grid, Input, InputNumber, Tag } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import { BlockSkeleton } from '../../../components/loading';
import { StaleSaveAlert } from '../../../components/stale-save-alert';
import { formatInstant } from '../../../lib/dates';
import { isApiError } from '../../../lib/errors';
import { useLocalized } from '../../../lib/i18n';
import { profileWords } from '../../../locales/research/profile-words';
import { type CommunityProfile, type CommunityProfileBody, type CommunityProfileDetails, useCommunityProfiles, useSaveCommunityProfile } from '../api/community-profiles';
import { type ResearchT, useResearchTranslation } from '../utils/use-research-translation';

/** The body's own limits (the contract's), mirrored so the form says so before the API does. */
const MAX = { partyOrganization: 100, headcount: 1_000_000, residentGroups: 1000, name: 30, position: 30, subCommittee: 50, compoundName: 100, compoundWord: 30, compoundHouseholds: 100_000, propertyCompany: 100, venue: 100, phone: 30, feature: 1000 } as const;
/** What the API's field errors may name: the rest (the version edited) is the conflict alert's. */
const FIELDS_WITH_INPUTS = ['partyOrganization', 'households', 'residents', 'residentGroups', 'committeeMembers', 'subCommittees', 'compounds', 'mediation', 'features'];

interface FormValues {
  partyOrganization: string;
  households: number | null;
  residents: number | null;
  residentGroups: number | null;
  committeeMembers: { name: string; position: string }[];
  subCommittees: string[];
  compounds: { name: string; type: string; households: number | null; ownersBody: string; propertyCompany: string }[];
  mediation: { members: string[]; venue: string; phone: string };
  features: string[];
}

/** The form's values for a profile; a compound without an owners' body says so, as the handbook will. */
const valuesOf = (profile: CommunityProfileDetails | null): FormValues =>
  profile
    ? {
        partyOrganization: profile.partyOrganization,
        households: profile.households,
        residents: profile.residents,
        residentGroups: profile.residentGroups,
        committeeMembers: profile.committeeMembers.map((member) => ({ ...member })),
        subCommittees: [...profile.subCommittees],
        compounds: profile.compounds.map((compound) => ({
          name: compound.name,
          type: compound.type ?? '',
          households: compound.households,
          ownersBody: compound.ownersBody ?? profileWords.noOwnersBody,
          propertyCompany: compound.propertyCompany ?? '',
        })),
        mediation: { members: [...profile.mediation.members], venue: profile.mediation.venue, phone: profile.mediation.phone ?? '' },
        features: [...profile.features],
      }
    : { partyOrganization: '', households: null, residents: null, residentGroups: null, committeeMembers: [], subCommittees: [], compounds: [], mediation: { members: [], venue: '', phone: '' }, features: [] };

const trimmed = (text: string | undefined) => (text ?? '').trim();
const orNull = (text: string | undefined) => trimmed(text) || null;

/** What is sent: text trimmed, blanks as null, and no owners' body as null. */
function bodyOf(values: FormValues, expectedVersion: number): CommunityProfileBody {
  const ownersBody = (text: string | undefined) => {
    const value = orNull(text);
    return value === profileWords.noOwnersBody ? null : value;
  };
  return {
    partyOrganization: trimmed(values.partyOrganization),
    households: values.households ?? 0,
    residents: values.residents ?? 0,
    residentGroups: values.residentGroups ?? null,
    committeeMembers: (values.committeeMembers ?? []).map((member) => ({ name: trimmed(member.name), position: trimmed(member.position) })),
    subCommittees: (values.subCommittees ?? []).map(trimmed),
    compounds: (values.compounds ?? []).map((compound) => ({
      name: trimmed(compound.name),
      type: orNull(compound.type),
      households: compound.households ?? null,
      ownersBody: ownersBody(compound.ownersBody),
      propertyCompany: orNull(compound.propertyCompany),
    })),
    mediation: { members: (values.mediation.members ?? []).map(trimmed), venue: trimmed(values.mediation.venue), phone: orNull(values.mediation.phone) },
    features: (values.features ?? []).map(trimmed),
    expectedVersion,
  };
}

/**
 * 社区概况: one row per community of the engagement — recorded (which version, by whom, when) or
 * not, with its key figures — each opened to read in place; the PM and lawyers fill it in or
 * revise it in a drawer, saved on the version the drawer opened with. Each community's
 * self-governance handbook is generated from it.
 */
export function CommunityProfiles({ engagementId }: { engagementId: string }) {
  const { t } = useResearchTranslation();
  const { locale } = useLocalized();
  const query = useCommunityProfiles(engagementId);
  const [editing, setEditing] = useState<CommunityProfile | null>(null);
  // Bumped by a reload: the drawer starts afresh (its conflict cleared) even when the version read is the same.
  const [reloads, setReloads] = useState(0);
  const [open, setOpen] = useState<string[]>([]);

  if (query.isPending) return <BlockSkeleton rows={4} />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const { items } = query.data;
  const recorded = items.filter((item) => item.profile !== null).length;
  const toggle = (key: string) => setOpen((current) => (current.includes(key) ? current.filter((item) => item !== key) : [...current, key]));

  return (
    <Card
      size="small"
      title={t('profiles.title')}
      extra={items.length > 0 ? <span className="gz-muted gz-small gz-num" data-testid="profiles-progress">{t('profiles.progress', { done: recorded, total: items.length })}</span> : null}
      data-testid="community-profiles"
    >
      <p className="gz-kb-hint" style={{ marginTop: 0 }}>
        {t('profiles.intro')}
      </p>
      {items.length === 0 ? (
        <p className="gz-muted">{t('profiles.empty')}</p>
      ) : (
        <div className="gz-stack" style={{ gap: 12 }}>
          {items.map((item) => {
            const { profile } = item;
            const isOpen = profile !== null && open.includes(item.community.key);
            return (
              <div key={item.community.key} className="gz-session" data-testid="community-profile" data-community={item.community.key} data-version={item.version}>
                <Flex justify="space-between" align="start" gap={8} wrap>
                  <div style={{ minWidth: 0, flex: '1 1 260px' }}>
                    <div>
                      <span className="gz-strong">{item.community.name}</span>{' '}
                      <Tag color={profile ? 'green' : 'orange'} variant="outlined" data-testid="profile-state">
                        {profile ? t('profiles.recorded', { n: item.version }) : t('profiles.notRecorded')}
                      </Tag>
                    </div>
                    {profile ? (
                      <div className="gz-small gz-num gz-profile-figures" data-testid="profile-figures">
                        {[
                          t('profiles.households', { count: profile.households }),
                          t('profiles.residents', { count: profile.residents }),
                          t('profiles.compounds', { count: profile.compounds.length }),
                          t('profiles.committee', { count: profile.committeeMembers.length }),
                        ].map((figure, index) => (
                          <span key={index}>
                            {index > 0 ? ' · ' : ''}
                            <span className="gz-nowrap">{figure}</span>
                          </span>
                        ))}
                      </div>
                    ) : null}
                    {item.updatedAt ? (
                      <div className="gz-muted gz-small gz-num">
                        {t('profiles.updated', { name: item.updatedBy?.displayName ?? '—', at: formatInstant(item.updatedAt, locale) })}
                      </div>
                    ) : null}
                  </div>
                  <Flex gap={4} style={{ flex: '0 0 auto' }}>
                    {profile ? (
                      <Button size="small" type="text" aria-expanded={isOpen} onClick={() => toggle(item.community.key)} data-testid="view-profile">
                        {isOpen ? t('profiles.hide') : t('profiles.view')}
                      </Button>
                    ) : null}
                    {item.can.edit ? (
                      <Button size="small" type={profile ? 'default' : 'primary'} ghost={!profile} onClick={() => setEditing(item)} data-testid="edit-profile">
                        {profile ? t('profiles.edit') : t('profiles.record')}
                      </Button>
                    ) : null}
                  </Flex>
                </Flex>
                {isOpen ? <ProfileView profile={profile} /> : null}
              </div>
            );
          })}
        </div>
      )}
      {editing !== null ? (
        <ProfileDrawer
          key={`${editing.community.key}:${editing.version}:${reloads}`}
          engagementId={engagementId}
          item={editing}
          onClose={() => setEditing(null)}
          onReload={async () => {
            const latest = await query.refetch();
            const fresh = latest.data?.items.find((item) => item.community.key === editing.community.key);
            if (fresh) setEditing(fresh);
            setReloads((count) => count + 1);
          }}
        />
      ) : null}
    </Card>
  );
}

/** A recorded profile, read in place: what the handbook will say. */
function ProfileView({ profile }: { profile: CommunityProfileDetails }) {
  const { t } = useResearchTranslation();
  const { t: tc } = useTranslation();
  const isNarrow = !Grid.useBreakpoint().md;
  const list = (values: readonly string[]) => (values.length > 0 ? values.join(tc('common.listSeparator')) : t('profiles.none'));
  const residents =
    t('profiles.summary.residents', { households: profile.households, residents: profile.residents }) +
    (profile.residentGroups !== null ? t('profiles.summary.residentGroups', { count: profile.residentGroups }) : '');
  const items: { key: string; label: string; children: ReactNode }[] = [
    { key: 'party', label: t('profiles.fields.partyOrganization'), children: profile.partyOrganization },
    { key: 'residents', label: t('profiles.summary.residentsLabel'), children: <span className="gz-num">{residents}</span> },
    { key: 'committee', label: t('profiles.fields.committeeMembers'), children: list(profile.committeeMembers.map((member) => t('profiles.summary.member', member))) },
    { key: 'subCommittees', label: t('profiles.fields.subCommittees'), children: list(profile.subCommittees) },
    {
      key: 'compounds',
      label: t('profiles.sections.compounds'),
      children:
        profile.compounds.length === 0 ? (
          t('profiles.none')
        ) : (
          <ol className="gz-profile-compounds">
            {profile.compounds.map((compound, index) => (
              <li key={index}>
                <span className="gz-strong">{compound.name}</span>
                <span className="gz-muted gz-num">
                  {[
                    compound.type,
                    compound.households !== null ? t('profiles.households', { count: compound.households }) : null,
                    t('profiles.summary.ownersBody', { value: compound.ownersBody ?? profileWords.noOwnersBody }),
                    compound.propertyCompany ? t('profiles.summary.propertyCompany', { value: compound.propertyCompany }) : null,
                  ]
                    .filter((part) => part !== null)
                    .map((part) => ` · ${part}`)
                    .join('')}
                </span>
              </li>
            ))}
          </ol>
        ),
    },
    {
      key: 'mediation',
      label: t('profiles.sections.mediation'),
      children: (
        <>
          <div>{t('profiles.summary.venue', { value: profile.mediation.venue })}</div>
          {profile.mediation.phone ? <div className="gz-num">{t('profiles.summary.phone', { value: profile.mediation.phone })}</div> : null}
          {profile.mediation.members.length > 0 ? <div>{t('profiles.summary.mediators', { value: list(profile.mediation.members) })}</div> : null}
        </>
      ),
    },
    {
      key: 'features',
      label: t('profiles.sections.features'),
      children: profile.features.length === 0 ? t('profiles.none') : profile.features.map((feature, index) => <p key={index} className="gz-profile-feature">{feature}</p>),
    },
  ];
  return (
    <Descriptions
      className="gz-profile-view"
      size="small"
      bordered
      column={1}
      layout={isNarrow ? 'vertical' : 'horizontal'}
      styles={{ label: { width: isNarrow ? undefined : 130, whiteSpace: 'nowrap' } }}
      items={items}
      data-testid="profile-view"
    />
  );
}

const textRules = (t: ResearchT, max: number, required: boolean): FormRule[] => [
  ...(required ? [{ required: true, whitespace: true, message: t('profiles.required') }] : []),
  { max, message: t('profiles.tooLong', { max }) },
];
const countRules = (t: ResearchT, max: number, required: boolean): FormRule[] => [
  ...(required ? [{ required: true, message: t('profiles.requiredNumber', { max }) }] : []),
  { type: 'integer', min: 0, max, message: t('profiles.requiredNumber', { max }) },
];

/** A list's add button, off once the list is as long as the API takes. */
function AddRow({ count, max, label, onAdd, testId }: { count: number; max: number; label: string; onAdd: () => void; testId: string }) {
  const { t } = useResearchTranslation();
  const full = count >= max;
  return (
    <Flex align="center" gap={8} wrap>
      <Button type="dashed" size="small" icon={<Icon name="plus" />} disabled={full} onClick={onAdd} data-testid={testId}>
        {label}
      </Button>
      {full ? <span className="gz-muted gz-small">{t('profiles.atLimit', { max })}</span> : null}
    </Flex>
  );
}

function RemoveRow({ onRemove }: { onRemove: () => void }) {
  const { t } = useResearchTranslation();
  return <Button type="text" aria-label={t('profiles.fields.remove')} title={t('profiles.fields.remove')} icon={<Icon name="close" />} onClick={onRemove} />;
}

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <section className="gz-profile-section">
      <h4 className="gz-profile-section-title">{title}</h4>
      {hint ? <p className="gz-kb-hint">{hint}</p> : null}
      {children}
    </section>
  );
}

function ProfileDrawer({ engagementId, item, onClose, onReload }: { engagementId: string; item: CommunityProfile; onClose: () => void; onReload: () => Promise<void> }) {
  const { t } = useResearchTranslation();
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveCommunityProfile(engagementId);
  // Mediators are often the committee's own members: offered as they are typed in above.
  const committee = Form.useWatch('committeeMembers', form) as FormValues['committeeMembers'] | undefined;
  const memberNames = [...new Set((committee ?? []).map((member) => trimmed(member?.name)).filter((name) => name !== ''))];
  const options = (values: readonly string[]) => values.map((value) => ({ value }));
  const community = item.community.name;

  const submit = async (values: FormValues) => {
    try {
      await save.mutateAsync({ community: item.community.key, body: bodyOf(values, item.version) });
      void message.success(t('profiles.saved'));
      onClose();
    } catch (error) {
      // The API names each field that does not fit (`compounds.2.households`): show it under the field.
      if (isApiError(error, 'form_invalid') || isApiError(error, 'validation_failed')) {
        const onInputs = error.fieldErrors.flatMap((fieldError) => {
          const name = fieldError.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
          return FIELDS_WITH_INPUTS.includes(String(name[0])) ? [{ name, errors: [fieldError.message] }] : [];
        });
        form.setFields(onInputs as never);
      }
    }
  };

  const conflict = isApiError(save.error, 'conflict');
  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md ? 760 : '100%'}
      styles={screens.md ? undefined : { body: { padding: 16 } }}
      mask={{ closable: false }}
      destroyOnHidden
      title={item.profile ? t('profiles.dialogTitle.edit', { name: community, n: item.version }) : t('profiles.dialogTitle.create', { name: community })}
      footer={
        <div className="gz-drawer-footer">
          <Button onClick={onClose}>{tc('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} disabled={conflict} onClick={() => form.submit()} data-testid="save-profile">
            {t('profiles.save')}
          </Button>
        </div>
      }
      data-testid="profile-drawer"
    >
      {conflict ? (
        <StaleSaveAlert error={save.error} hint={t('profiles.staleHint')} loadLabel={t('profiles.loadLatest')} testId="profile-conflict" onLoadLatest={onReload} />
      ) : save.error ? (
        // Field errors also show under their inputs; this says what else was refused and why.
        <ErrorAlert error={save.error} compact />
      ) : null}
      <Form<FormValues> form={form} layout="vertical" initialValues={valuesOf(item.profile)} onFinish={(values) => void submit(values)} scrollToFirstError data-testid="profile-form" className="gz-profile-form">
        <Section title={t('profiles.sections.basics')}>
          <Form.Item name="partyOrganization" label={t('profiles.fields.partyOrganization')} rules={textRules(t, MAX.partyOrganization, true)}>
            <Input maxLength={MAX.partyOrganization} placeholder={t('profiles.fields.partyOrganizationPlaceholder', { name: community })} data-testid="profile-party" />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="households" label={t('profiles.fields.households')} rules={countRules(t, MAX.headcount, true)} className="gz-profile-count">
              <InputNumber min={0} max={MAX.headcount} precision={0} suffix={t('profiles.fields.unitHouseholds')} placeholder={t('profiles.fields.example', { value: 3126 })} style={{ width: '100%' }} data-testid="profile-households" />
            </Form.Item>
            <Form.Item name="residents" label={t('profiles.fields.residents')} rules={countRules(t, MAX.headcount, true)} className="gz-profile-count">
              <InputNumber min={0} max={MAX.headcount} precision={0} suffix={t('profiles.fields.unitResidents')} placeholder={t('profiles.fields.example', { value: 7458 })} style={{ width: '100%' }} data-testid="profile-residents" />
            </Form.Item>
            <Form.Item name="residentGroups" label={t('profiles.fields.residentGroups')} rules={countRules(t, MAX.residentGroups, false)} className="gz-profile-count">
              <InputNumber min={0} max={MAX.residentGroups} precision={0} suffix={t('profiles.fields.unitGroups')} placeholder={t('profiles.fields.example', { value: 14 })} style={{ width: '100%' }} data-testid="profile-resident-groups" />
            </Form.Item>
          </Flex>
        </Section>

        <Section title={t('profiles.sections.committee')}>
          <div className="gz-field-label">{t('profiles.fields.committeeMembers')}</div>
          <p className="gz-kb-hint">{t('profiles.fields.committeeMembersHint')}</p>
          <Form.List name="committeeMembers">
            {(fields, { add, remove }) => (
              <div className="gz-profile-rows">
                {fields.map((field) => (
                  <div key={field.key} className="gz-profile-list-row" data-testid="committee-member">
                    <div className="gz-profile-row">
                      <Form.Item name={[field.name, 'name']} rules={textRules(t, MAX.name, true)} style={{ flex: '1 1 120px' }}>
                        <Input maxLength={MAX.name} aria-label={t('profiles.fields.memberName')} placeholder={t('profiles.fields.memberNamePlaceholder')} data-testid="member-name" />
                      </Form.Item>
                      <Form.Item name={[field.name, 'position']} rules={textRules(t, MAX.position, true)} style={{ flex: '1 1 140px' }}>
                        <AutoComplete options={options(profileWords.positions)} maxLength={MAX.position} aria-label={t('profiles.fields.memberPosition')} placeholder={t('profiles.fields.memberPositionPlaceholder')} data-testid="member-position" />
                      </Form.Item>
                    </div>
                    <RemoveRow onRemove={() => remove(field.name)} />
                  </div>
                ))}
                <AddRow count={fields.length} max={COMMUNITY_PROFILE_LIMITS.committeeMembers} label={t('profiles.fields.addMember')} onAdd={() => add({ name: '', position: '' })} testId="add-member" />
              </div>
            )}
          </Form.List>
          <div className="gz-field-label" style={{ marginTop: 16 }}>
            {t('profiles.fields.subCommittees')}
          </div>
          <Form.List name="subCommittees">
            {(fields, { add, remove }) => (
              <div className="gz-profile-rows">
                {fields.map((field) => (
                  <div key={field.key} className="gz-profile-list-row" data-testid="sub-committee">
                    <Form.Item name={field.name} rules={textRules(t, MAX.subCommittee, true)}>
                      <AutoComplete options={options(profileWords.subCommittees)} maxLength={MAX.subCommittee} aria-label={t('profiles.fields.subCommittees')} placeholder={t('profiles.fields.subCommitteePlaceholder')} />
                    </Form.Item>
                    <RemoveRow onRemove={() => remove(field.name)} />
                  </div>
                ))}
                <AddRow count={fields.length} max={COMMUNITY_PROFILE_LIMITS.subCommittees} label={t('profiles.fields.addSubCommittee')} onAdd={() => add('')} testId="add-sub-committee" />
              </div>
            )}
          </Form.List>
        </Section>

        <Section title={t('profiles.sections.compounds')} hint={t('profiles.fields.compoundsHint')}>
          <Form.List name="compounds">
            {(fields, { add, remove }) => (
              <div className="gz-profile-rows">
                {fields.map((field, index) => (
                  <div key={field.key} className="gz-profile-compound" data-testid="compound">
                    <Flex justify="space-between" align="center" className="gz-profile-compound-head">
                      <span className="gz-strong">{t('profiles.fields.compound', { n: index + 1 })}</span>
                      <RemoveRow onRemove={() => remove(field.name)} />
                    </Flex>
                    <div className="gz-profile-row">
                      <Form.Item name={[field.name, 'name']} label={t('profiles.fields.compoundName')} rules={textRules(t, MAX.compoundName, true)} style={{ flex: '2 1 200px' }}>
                        <Input maxLength={MAX.compoundName} placeholder={t('profiles.fields.compoundNamePlaceholder')} data-testid="compound-name" />
                      </Form.Item>
                      <Form.Item name={[field.name, 'type']} label={t('profiles.fields.compoundType')} rules={textRules(t, MAX.compoundWord, false)} style={{ flex: '1 1 150px' }}>
                        <AutoComplete options={options(COMPOUND_TYPES)} maxLength={MAX.compoundWord} placeholder={t('profiles.fields.compoundTypePlaceholder')} data-testid="compound-type" />
                      </Form.Item>
                      <Form.Item name={[field.name, 'households']} label={t('profiles.fields.compoundHouseholds')} rules={countRules(t, MAX.compoundHouseholds, false)} style={{ flex: '0 1 130px' }}>
                        <InputNumber min={0} max={MAX.compoundHouseholds} precision={0} suffix={t('profiles.fields.unitHouseholds')} placeholder={t('profiles.fields.example', { value: 1284 })} style={{ width: '100%' }} data-testid="compound-households" />
                      </Form.Item>
                    </div>
                    <div className="gz-profile-row">
                      <Form.Item name={[field.name, 'ownersBody']} label={t('profiles.fields.ownersBody')} rules={textRules(t, MAX.compoundWord, false)} style={{ flex: '1 1 150px' }}>
                        <AutoComplete options={options([profileWords.noOwnersBody, ...OWNERS_BODIES])} maxLength={MAX.compoundWord} placeholder={profileWords.noOwnersBody} data-testid="compound-owners-body" />
                      </Form.Item>
                      <Form.Item name={[field.name, 'propertyCompany']} label={t('profiles.fields.propertyCompany')} rules={textRules(t, MAX.propertyCompany, false)} style={{ flex: '2 1 240px' }}>
                        <AutoComplete options={options([profileWords.noPropertyCompany])} maxLength={MAX.propertyCompany} placeholder={t('profiles.fields.propertyCompanyPlaceholder')} data-testid="compound-property" />
                      </Form.Item>
                    </div>
                  </div>
                ))}
                <AddRow
                  count={fields.length}
                  max={COMMUNITY_PROFILE_LIMITS.compounds}
                  label={t('profiles.fields.addCompound')}
                  onAdd={() => add({ name: '', type: '', households: null, ownersBody: profileWords.noOwnersBody, propertyCompany: '' })}
                  testId="add-compound"
                />
              </div>
            )}
          </Form.List>
        </Section>

        <Section title={t('profiles.sections.mediation')}>
          <Flex gap={12} wrap>
            <Form.Item name={['mediation', 'venue']} label={t('profiles.fields.venue')} rules={textRules(t, MAX.venue, true)} style={{ flex: '2 1 240px' }}>
              <Input maxLength={MAX.venue} placeholder={t('profiles.fields.venuePlaceholder')} data-testid="mediation-venue" />
            </Form.Item>
            <Form.Item name={['mediation', 'phone']} label={t('profiles.fields.phone')} rules={textRules(t, MAX.phone, false)} style={{ flex: '1 1 160px' }}>
              <Input maxLength={MAX.phone} inputMode="tel" placeholder={t('profiles.fields.phonePlaceholder')} data-testid="mediation-phone" />
            </Form.Item>
          </Flex>
          <div className="gz-field-label">{t('profiles.fields.mediators')}</div>
          <Form.List name={['mediation', 'members']}>
            {(fields, { add, remove }) => (
              <div className="gz-profile-rows">
                {fields.map((field) => (
                  <div key={field.key} className="gz-profile-list-row" data-testid="mediator">
                    <Form.Item name={field.name} rules={textRules(t, MAX.name, true)}>
                      <AutoComplete options={options(memberNames)} maxLength={MAX.name} aria-label={t('profiles.fields.mediators')} placeholder={t('profiles.fields.mediatorPlaceholder')} />
                    </Form.Item>
                    <RemoveRow onRemove={() => remove(field.name)} />
                  </div>
                ))}
                <AddRow count={fields.length} max={COMMUNITY_PROFILE_LIMITS.mediators} label={t('profiles.fields.addMediator')} onAdd={() => add('')} testId="add-mediator" />
              </div>
            )}
          </Form.List>
        </Section>

        <Section title={t('profiles.sections.features')} hint={t('profiles.fields.featuresHint')}>
          <Form.List name="features">
            {(fields, { add, remove }) => (
              <div className="gz-profile-rows">
                {fields.map((field) => (
                  <div key={field.key} className="gz-profile-list-row" data-testid="feature">
                    <Form.Item name={field.name} rules={textRules(t, MAX.feature, true)}>
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={MAX.feature} aria-label={t('profiles.sections.features')} placeholder={t('profiles.fields.featurePlaceholder')} />
                    </Form.Item>
                    <RemoveRow onRemove={() => remove(field.name)} />
                  </div>
                ))}
                <AddRow count={fields.length} max={COMMUNITY_PROFILE_LIMITS.features} label={t('profiles.fields.addFeature')} onAdd={() => add('')} testId="add-feature" />
              </div>
            )}
          </Form.List>
        </Section>
      </Form>
    </Drawer>
  );
}
