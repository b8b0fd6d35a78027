import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Radio, Select, Steps, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-state';
import { todayCivil } from '../../../lib/dates';
import { isApiError } from '../../../lib/errors';
import { validValues } from '../../../lib/forms';
import { useLocalized } from '../../../lib/i18n';
import { type CreateEngagementBody, useCreateEngagement } from '../api/create-engagement';
import type { EngagementDetail } from '../api/get-engagement';
import { useTemplates } from '../api/get-templates';
import { type User, useUsersByRole } from '../api/get-users';

export interface WizardValues {
  name: string;
  clientName: string;
  clientKind: 'street' | 'township';
  templateKey: string;
  startDate: string;
  communities: string[];
  departments: string[];
  pm: string;
  partner: string;
  lawyers: string[];
  client?: string;
}

// i18n-exempt: what people type between names, in Chinese or English.
const NAME_SEPARATORS = [',', '，', '、', '\n'];

const STEP_FIELDS: (keyof WizardValues)[][] = [
  ['clientName', 'clientKind', 'name', 'templateKey', 'startDate'],
  ['communities', 'departments'],
  ['pm', 'partner', 'lawyers', 'client'],
  [],
];

/** Names typed or pasted as a list: split on commas, 、 and new lines, trimmed, without repeats. */
export function normaliseNames(values: readonly string[]): string[] {
  // i18n-exempt: Chinese list punctuation is input syntax, not UI text.
  const names = values.flatMap((value) => value.split(/[,，、;；\n]/)).map((value) => value.trim()).filter(Boolean);
  return [...new Set(names)];
}

/** The wizard's values as the API's body: communities and departments by name, keys derived server-side. */
export function toCreateBody(values: WizardValues): CreateEngagementBody {
  return {
    name: values.name.trim(),
    clientName: values.clientName.trim(),
    clientKind: values.clientKind,
    templateKey: values.templateKey,
    startDate: values.startDate,
    communities: normaliseNames(values.communities).map((name) => ({ name })),
    departments: normaliseNames(values.departments).map((name) => ({ name })),
    team: {
      pm: values.pm,
      partner: values.partner,
      lawyers: values.lawyers,
      ...(values.client ? { client: values.client } : {}),
    },
  };
}

/** A server field path (`team.lawyers.0`, `communities`) → the wizard field and its step. */
function wizardFieldOf(path: string): keyof WizardValues | null {
  const [head, second] = path.split('.');
  if (head === 'team' && (second === 'pm' || second === 'partner' || second === 'lawyers' || second === 'client')) return second;
  const known: (keyof WizardValues)[] = ['name', 'clientName', 'clientKind', 'templateKey', 'startDate', 'communities', 'departments'];
  return known.find((field) => field === head) ?? null;
}

const userOptions = (users: readonly User[] | undefined) => (users ?? []).map((user) => ({ value: user.id, label: `${user.displayName} (${user.username})` }));

export function CreateEngagementWizard({ currentUserId, onCreated, onCancel }: { currentUserId: string; onCreated: (engagement: EngagementDetail) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { text } = useLocalized();
  const { message } = App.useApp();
  const [form] = Form.useForm<WizardValues>();
  const [step, setStep] = useState(0);
  const templates = useTemplates();
  const pms = useUsersByRole('pm');
  const partners = useUsersByRole('partner');
  const lawyers = useUsersByRole('lawyer');
  const clients = useUsersByRole('client');
  const create = useCreateEngagement();

  const initialValues = useMemo<Partial<WizardValues>>(
    () => ({ clientKind: 'street', startDate: todayCivil(), communities: [], departments: [], lawyers: [], pm: currentUserId }),
    [currentUserId],
  );
  const templateKey = Form.useWatch('templateKey', form);
  const values = Form.useWatch([], form) as Partial<WizardValues> | undefined;
  const template = templates.data?.items.find((item) => item.key === templateKey);
  const firstTemplateKey = templates.data?.items[0]?.key;
  useEffect(() => {
    if (firstTemplateKey && !form.getFieldValue('templateKey')) form.setFieldValue('templateKey', firstTemplateKey);
  }, [firstTemplateKey, form]);

  const next = async () => {
    try {
      await form.validateFields(STEP_FIELDS[step]);
      setStep((current) => Math.min(current + 1, STEP_FIELDS.length - 1));
    } catch {
      // antd shows the messages next to the fields
    }
  };

  const submit = async () => {
    const all = await validValues(form);
    if (!all) return;
    create.mutate(toCreateBody({ ...initialValues, ...all } as WizardValues), {
      onSuccess: (engagement) => {
        void message.success(t('wizard.created', { name: engagement.name }));
        onCreated(engagement);
      },
      onError: (error) => {
        if (!isApiError(error) || error.fieldErrors.length === 0) return;
        const fields = error.fieldErrors.flatMap((fieldError) => {
          const name = wizardFieldOf(fieldError.field);
          return name ? [{ name, errors: [fieldError.message] }] : [];
        });
        form.setFields(fields);
        const firstStep = STEP_FIELDS.findIndex((stepFields) => fields.some((field) => stepFields.includes(field.name)));
        if (firstStep >= 0) setStep(firstStep);
      },
    });
  };

  const nameOf = (users: readonly User[] | undefined, id: string | undefined) => users?.find((user) => user.id === id)?.displayName ?? '—';
  const usersError = pms.error ?? partners.error ?? lawyers.error ?? clients.error;

  return (
    <Card>
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 24 }}
        items={[
          { title: t('wizard.steps.basics') },
          { title: t('wizard.steps.places') },
          { title: t('wizard.steps.team') },
          { title: t('wizard.steps.review') },
        ]}
      />
      <Form<WizardValues> form={form} layout="vertical" initialValues={initialValues} requiredMark="optional" style={{ maxWidth: 720 }}>
        <div hidden={step !== 0}>
          <Form.Item name="clientName" label={t('wizard.clientName')} rules={[{ required: true, whitespace: true, message: t('wizard.clientNameRequired') }, { max: 200 }]}>
            <Input
              placeholder={t('wizard.clientNamePlaceholder')}
              onBlur={(event) => {
                const clientName = event.target.value.trim();
                if (clientName && !form.getFieldValue('name')) form.setFieldValue('name', t('wizard.defaultName', { clientName }));
              }}
            />
          </Form.Item>
          <Form.Item name="clientKind" label={t('wizard.clientKind')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'street', label: t('clientKind.street') },
                { value: 'township', label: t('clientKind.township') },
              ]}
            />
          </Form.Item>
          <Form.Item name="name" label={t('wizard.name')} rules={[{ required: true, whitespace: true, message: t('wizard.nameRequired') }, { max: 200 }]}>
            <Input placeholder={t('wizard.namePlaceholder')} />
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item name="templateKey" label={t('wizard.template')} rules={[{ required: true, message: t('wizard.templateRequired') }]} style={{ flex: '2 1 280px' }}>
              <Select
                loading={templates.isPending}
                options={templates.data?.items.map((item) => ({ value: item.key, label: `${text(item.title)} · v${item.version}` }))}
                notFoundContent={templates.isError ? t('wizard.templatesFailed') : undefined}
              />
            </Form.Item>
            <Form.Item name="startDate" label={t('wizard.startDate')} rules={[{ required: true, message: t('wizard.startDateRequired') }]} style={{ flex: '1 1 160px' }} extra={t('wizard.startDateHint')}>
              <Input type="date" />
            </Form.Item>
          </Flex>
          {templates.isError ? <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} /> : null}
          {template ? (
            <div className="gz-template-preview">
              <div className="gz-muted gz-small">{text(template.description)}</div>
              <Flex gap={6} wrap style={{ marginTop: 8 }}>
                {template.stages.map((stage, index) => (
                  <Tag key={stage.key}>
                    {index + 1}. {text(stage.title)} · {t('wizard.taskCount', { count: stage.taskCount })}
                  </Tag>
                ))}
              </Flex>
            </div>
          ) : null}
        </div>

        <div hidden={step !== 1}>
          <Form.Item
            name="communities"
            label={t('wizard.communities')}
            extra={t('wizard.communitiesHint')}
            rules={[
              { required: true, type: 'array', min: 1, message: t('wizard.communitiesRequired') },
              { validator: async (_, value: string[] = []) => (normaliseNames(value).length <= 50 ? undefined : Promise.reject(new Error(t('wizard.tooMany', { max: 50 })))) },
            ]}
          >
            <Select mode="tags" tokenSeparators={NAME_SEPARATORS} open={false} suffix={null} placeholder={t('wizard.communitiesPlaceholder')} aria-label={t('wizard.communities')} />
          </Form.Item>
          <Form.Item name="departments" label={t('wizard.departments')} extra={t('wizard.departmentsHint')}>
            <Select mode="tags" tokenSeparators={NAME_SEPARATORS} open={false} suffix={null} placeholder={t('wizard.departmentsPlaceholder')} aria-label={t('wizard.departments')} />
          </Form.Item>
        </div>

        <div hidden={step !== 2}>
          {usersError ? <ErrorAlert error={usersError} /> : null}
          <Flex gap={16} wrap>
            <Form.Item name="pm" label={t('roles.pm')} rules={[{ required: true, message: t('wizard.pmRequired') }]} style={{ flex: '1 1 240px' }}>
              <Select showSearch={{ optionFilterProp: 'label' }} loading={pms.isPending} options={userOptions(pms.data)} />
            </Form.Item>
            <Form.Item name="partner" label={t('roles.partner')} rules={[{ required: true, message: t('wizard.partnerRequired') }]} style={{ flex: '1 1 240px' }}>
              <Select showSearch={{ optionFilterProp: 'label' }} loading={partners.isPending} options={userOptions(partners.data)} placeholder={t('wizard.pickPartner')} />
            </Form.Item>
          </Flex>
          <Form.Item
            name="lawyers"
            label={t('roles.lawyer')}
            rules={[{ required: true, type: 'array', min: 1, message: t('wizard.lawyersRequired') }, { type: 'array', max: 20 }]}
            extra={t('wizard.lawyersHint')}
          >
            <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} loading={lawyers.isPending} options={userOptions(lawyers.data)} placeholder={t('wizard.pickLawyers')} />
          </Form.Item>
          <Form.Item name="client" label={t('wizard.clientContact')} extra={t('wizard.clientContactHint')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={clients.isPending} options={userOptions(clients.data)} placeholder={t('wizard.pickClient')} />
          </Form.Item>
        </div>

        <div hidden={step !== 3}>
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              { key: 'name', label: t('wizard.name'), children: values?.name },
              { key: 'client', label: t('wizard.clientName'), children: `${values?.clientName ?? ''} · ${values?.clientKind ? t(`clientKind.${values.clientKind}`) : ''}` },
              { key: 'template', label: t('wizard.template'), children: template ? `${text(template.title)} · v${template.version}` : '—' },
              { key: 'start', label: t('wizard.startDate'), children: <span className="gz-num">{values?.startDate}</span> },
              {
                key: 'communities',
                label: t('wizard.communities'),
                children: normaliseNames(values?.communities ?? []).map((name) => <Tag key={name}>{name}</Tag>),
              },
              {
                key: 'departments',
                label: t('wizard.departments'),
                children: normaliseNames(values?.departments ?? []).length ? normaliseNames(values?.departments ?? []).map((name) => <Tag key={name}>{name}</Tag>) : '—',
              },
              {
                key: 'team',
                label: t('wizard.steps.team'),
                children: (
                  <div>
                    <div>{t('common.labelValue', { label: t('roles.pm'), value: nameOf(pms.data, values?.pm) })}</div>
                    <div>{t('common.labelValue', { label: t('roles.partner'), value: nameOf(partners.data, values?.partner) })}</div>
                    <div>{t('common.labelValue', { label: t('roles.lawyer'), value: (values?.lawyers ?? []).map((id) => nameOf(lawyers.data, id)).join(t('common.listSeparator')) })}</div>
                    <div>{t('common.labelValue', { label: t('roles.client'), value: values?.client ? nameOf(clients.data, values.client) : t('engagement.noClientContact') })}</div>
                  </div>
                ),
              },
            ]}
          />
          <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('wizard.reviewHint')} />
          {create.error ? (
            <div style={{ marginTop: 16 }}>
              <ErrorAlert error={create.error} />
            </div>
          ) : null}
        </div>
      </Form>
      <Flex justify="space-between" style={{ marginTop: 24, maxWidth: 720 }}>
        <Button onClick={step === 0 ? onCancel : () => setStep(step - 1)}>{step === 0 ? t('common.cancel') : t('wizard.back')}</Button>
        {step < STEP_FIELDS.length - 1 ? (
          <Button type="primary" onClick={() => void next()}>
            {t('wizard.next')}
          </Button>
        ) : (
          <Button type="primary" loading={create.isPending} onClick={() => void submit()} data-testid="create-engagement-submit">
            {t('wizard.create')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
