import { App, Button, Drawer, Flex, Form, Grid, Input, InputNumber, Typography } from 'antd';
import { ErrorAlert } from '../../../components/error-state';
import { isApiError } from '../../../lib/errors';
import { validValues } from '../../../lib/forms';
import { type HotlineSettings, useSaveHotlineSettings } from '../api/hotline';
import { useCasesTranslation } from '../utils/use-cases-translation';

interface FormValues {
  covered: { name: string; households: number | null; fromProfile: boolean }[];
  communities: { name: string; households: number | null }[];
  campaigns: { month: string; topic: string }[];
}

/** The comparison's settings (PM): the other communities' households, the engagement's own where no profile has them, the 每月一题 months. */
export function HotlineSettingsDrawer({ engagementId, settings, onClose }: { engagementId: string; settings: HotlineSettings; onClose: () => void }) {
  const { t } = useCasesTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveHotlineSettings(engagementId);
  const coveredNames = new Set(settings.coveredCommunities.map((community) => community.name));
  const initialValues: FormValues = {
    covered: settings.coveredCommunities.map((community) => ({ name: community.name, households: community.households, fromProfile: community.source === 'profile' })),
    communities: settings.communities.filter((community) => !coveredNames.has(community.name)),
    campaigns: settings.campaigns,
  };
  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    const entered = (values.covered ?? []).filter((community) => !community.fromProfile && community.households);
    try {
      await save.mutateAsync({
        communities: [...entered, ...(values.communities ?? [])].map((community) => ({ name: community.name.trim(), households: community.households! })),
        campaigns: (values.campaigns ?? []).map((campaign) => ({ month: campaign.month, topic: campaign.topic.trim() })),
        expectedVersion: settings.version,
      });
      void message.success(t('hotline.saved'));
      onClose();
    } catch (error) {
      if (isApiError(error)) {
        form.setFields(
          error.fieldErrors.flatMap((field) => {
            const match = /^(communities|campaigns)\.(\d+)\.(\w+)$/.exec(field.field);
            if (!match) return [];
            const index = match[1] === 'communities' ? Number(match[2]) - entered.length : Number(match[2]);
            return index >= 0 ? [{ name: [match[1]!, index, match[3]!] as never, errors: [field.message] }] : [];
          }),
        );
      }
    }
  };
  const required = [{ required: true, message: t('hotline.required') }];
  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md ? 640 : '100%'}
      title={t('hotline.settings')}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="hotline-settings-save">
            {t('hotline.save')}
          </Button>
        </Flex>
      }
    >
      {save.error ? <ErrorAlert error={save.error} compact /> : null}
      <Typography.Paragraph type="secondary">{t('hotline.settingsIntro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={initialValues}>
        <Typography.Title level={5}>{t('hotline.covered')}</Typography.Title>
        <Form.List name="covered">
          {(fields) =>
            fields.map((field) => {
              const fromProfile = initialValues.covered[field.name]?.fromProfile ?? false;
              return (
                <Flex key={field.key} gap={8} align="baseline" wrap>
                  <Form.Item name={[field.name, 'name']} style={{ flex: '1 1 160px', marginBottom: 8 }}>
                    <Input disabled />
                  </Form.Item>
                  <Form.Item name={[field.name, 'households']} style={{ width: 140, marginBottom: 8 }} extra={fromProfile ? t('hotline.fromProfile') : undefined}>
                    <InputNumber min={1} max={1_000_000} precision={0} disabled={fromProfile} placeholder={t('hotline.householdsLabel')} style={{ width: '100%' }} />
                  </Form.Item>
                </Flex>
              );
            })
          }
        </Form.List>
        <Typography.Title level={5}>{t('hotline.uncovered')}</Typography.Title>
        <Form.List name="communities">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline" wrap>
                  <Form.Item name={[field.name, 'name']} rules={required} style={{ flex: '1 1 160px', marginBottom: 8 }}>
                    <Input maxLength={100} placeholder={t('hotline.communityName')} data-testid="hotline-community-name" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'households']} rules={required} style={{ width: 140, marginBottom: 8 }}>
                    <InputNumber min={1} max={1_000_000} precision={0} placeholder={t('hotline.householdsLabel')} style={{ width: '100%' }} />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(field.name)}>
                    {t('hotline.remove')}
                  </Button>
                </Flex>
              ))}
              <Button onClick={() => add({ name: '', households: null })} style={{ marginBottom: 16 }}>
                {t('hotline.addCommunity')}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5}>{t('hotline.campaigns')}</Typography.Title>
        <Form.List name="campaigns">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline" wrap>
                  <Form.Item name={[field.name, 'month']} rules={required} style={{ width: 170, marginBottom: 8 }}>
                    <Input type="month" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'topic']} rules={required} style={{ flex: '1 1 200px', marginBottom: 8 }}>
                    <Input maxLength={100} placeholder={t('hotline.campaignTopic')} />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(field.name)}>
                    {t('hotline.remove')}
                  </Button>
                </Flex>
              ))}
              <Button onClick={() => add({ month: '', topic: '' })}>{t('hotline.addCampaign')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
