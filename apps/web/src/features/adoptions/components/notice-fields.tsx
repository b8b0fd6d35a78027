import { ADOPTION_LIMITS, checkNoticeTerms } from '@gongzhi/domain';
import { Flex, Form, Input } from 'antd';
import { useLocalized } from '../../../lib/i18n';
import { withinBounds } from '../utils/adoptions';
import { useAdoptionsTranslation } from '../utils/use-adoptions-translation';

export type NoticeValues = { noticeFrom: string; noticeTo: string; location: string };

/**
 * The notice's fields, for a first notice and a revised draft's alike: from (within `fromBounds`),
 * until (the domain's rule: 7 to 60 days), and where it is posted. The API checks them again.
 */
export function NoticeFields({ today, fromBounds }: { today: string; fromBounds: { min: string; max: string } }) {
  const { t } = useAdoptionsTranslation();
  const { text } = useLocalized();
  const required = { required: true, message: t('form.required') };
  return (
    <>
      <Flex gap={12} wrap>
        <Form.Item
          name="noticeFrom"
          label={t('form.noticeFrom')}
          style={{ flex: '1 1 160px', minWidth: 0 }}
          rules={[
            required,
            {
              validator: async (_rule, value: string | undefined) =>
                !value || withinBounds(value, fromBounds)
                  ? undefined
                  : Promise.reject(new Error(t('dateRange', { min: fromBounds.min, max: fromBounds.max }))),
            },
          ]}
        >
          <Input type="date" min={fromBounds.min} max={fromBounds.max} data-testid="adoption-notice-from" />
        </Form.Item>
        <Form.Item
          name="noticeTo"
          label={t('form.noticeTo')}
          style={{ flex: '1 1 160px', minWidth: 0 }}
          dependencies={['noticeFrom']}
          rules={[
            required,
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                const noticeFrom = getFieldValue('noticeFrom') as string | undefined;
                if (!value || !noticeFrom) return;
                const error = checkNoticeTerms({ noticeFrom, noticeTo: value, location: '' }, today).find(
                  (item) => item.field === 'noticeTo',
                );
                if (error) throw new Error(text(error.message));
              },
            }),
          ]}
        >
          <Input type="date" min={fromBounds.min} data-testid="adoption-notice-to" />
        </Form.Item>
      </Flex>
      <div className="gz-muted gz-small" style={{ marginTop: -12, marginBottom: 16 }}>
        {t('form.noticeHelp')}
      </div>
      <Form.Item name="location" label={t('form.location')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={ADOPTION_LIMITS.location} data-testid="adoption-notice-location" />
      </Form.Item>
    </>
  );
}
