import {
  ADOPTION_INSTRUMENTS,
  ADOPTION_LIMITS,
  adoptionInstrumentLabels,
  civilDateAt,
  OWNERS_MATTERS,
  ownersMatterLabels,
} from '@gongzhi/domain';
import { App, Button, Flex, Form, Grid, Input, Modal, Radio, Select } from 'antd';
import { useRef, useState } from 'react';
import { ErrorAlert } from '../../../components/error-state';
import { validValues } from '../../../lib/forms';
import { useLocalized } from '../../../lib/i18n';
import { newIdempotencyKey } from '../../../lib/idempotency';
import { type Adoption, type AdoptionInstrument, useOpenAdoption } from '../api/adoptions';
import { noticeBounds } from '../utils/adoptions';
import { useAdoptionsTranslation } from '../utils/use-adoptions-translation';
import { NoticeFields, type NoticeValues } from './notice-fields';
import { fieldErrorsOf, useRevealError } from './step-modal';

/** A community the procedure can be for: the engagement's own. */
export interface AdoptionCommunity {
  id: string;
  key: string;
  name: string;
}

type FormValues = NoticeValues & {
  community: string;
  instrument: AdoptionInstrument;
  matter?: (typeof OWNERS_MATTERS)[number];
  title: string;
};
const FIELDS = ['community', 'instrument', 'matter', 'title', 'noticeFrom', 'noticeTo', 'location'] as const;
/** The API's names for the form's fields. */
const fieldOf = (field: string): string => (field === 'communityId' ? 'community' : field);

/**
 * 启动民主程序: which community, what is put to the vote (a residents' convention, or an owners'
 * matter and which kind — the threshold depends on it), the document's title (a convention's is
 * proposed from the community's name), and the notice: from, until, where. One idempotency key per
 * opening of the form: a retried click opens one procedure.
 */
export function AdoptionForm({
  engagementId,
  communities,
  onClose,
  onOpened,
}: {
  engagementId: string;
  communities: readonly AdoptionCommunity[];
  onClose: () => void;
  onOpened?: (adoption: Adoption) => void;
}) {
  const { t } = useAdoptionsTranslation();
  const { text } = useLocalized();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<FormValues>();
  const open = useOpenAdoption(engagementId);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [today] = useState(() => civilDateAt(new Date()));
  const bounds = noticeBounds(today);
  const instrument = Form.useWatch('instrument', form);
  const errorRef = useRevealError(open.error);
  // The title the form proposed last: replaced when the community changes, unless the PM edited it.
  const proposed = useRef('');

  const proposeTitle = (values: Partial<FormValues>) => {
    const community = communities.find((item) => item.key === values.community);
    const title = form.getFieldValue('title') as string | undefined;
    if (title && title !== proposed.current) return;
    const next =
      community && values.instrument === 'residents_convention'
        ? t('form.defaultTitle', { community: community.name })
        : '';
    proposed.current = next;
    form.setFieldValue('title', next);
  };

  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    const community = communities.find((item) => item.key === values.community);
    if (!community) return;
    try {
      const adoption = await open.mutateAsync({
        communityId: community.id,
        instrument: values.instrument,
        ...(values.instrument === 'owners_rules' && values.matter ? { matter: values.matter } : {}),
        title: values.title.trim(),
        noticeFrom: values.noticeFrom,
        noticeTo: values.noticeTo,
        location: values.location.trim(),
        idempotencyKey,
      });
      void message.success(t('form.opened'));
      onClose();
      onOpened?.(adoption);
    } catch (error) {
      const errors = fieldErrorsOf(error, FIELDS, fieldOf);
      form.setFields(errors);
      if (errors[0]) form.scrollToField(errors[0].name);
    }
  };

  const required = { required: true, whitespace: true, message: t('form.required') };
  return (
    <Modal
      open
      title={t('form.title')}
      onCancel={onClose}
      width={screens.md ? 640 : undefined}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} data-testid="adoption-form-cancel">
            {t('form.cancel')}
          </Button>
          <Button
            type="primary"
            loading={open.isPending}
            onClick={() => void submit()}
            data-testid="adoption-form-submit"
          >
            {t('form.submit')}
          </Button>
        </Flex>
      }
    >
      {open.error ? (
        <div ref={errorRef} style={{ marginBottom: 12 }} data-testid="adoption-form-error">
          <ErrorAlert error={open.error} compact />
        </div>
      ) : null}
      <Form
        form={form}
        name="adoption"
        layout="vertical"
        scrollToFirstError
        initialValues={{
          instrument: 'residents_convention',
          noticeFrom: bounds.from.initial,
          noticeTo: bounds.to,
          location: t('form.locationDefault'),
        }}
        onValuesChange={(changed: Partial<FormValues>, all: FormValues) => {
          if ('community' in changed || 'instrument' in changed) proposeTitle(all);
        }}
        data-testid="adoption-form"
      >
        <Form.Item
          name="community"
          label={t('form.community')}
          rules={[{ required: true, message: t('form.choose') }]}
          extra={communities.length === 0 ? t('form.noCommunities') : undefined}
          data-testid="adoption-form-community"
        >
          <Select
            placeholder={t('form.communityPlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            options={communities.map((community) => ({ value: community.key, label: community.name }))}
          />
        </Form.Item>
        <Form.Item
          name="instrument"
          label={t('form.instrument')}
          rules={[{ required: true, message: t('form.choose') }]}
          extra={instrument === 'owners_rules' ? t('form.ownersHelp') : t('form.conventionHelp')}
          data-testid="adoption-form-instrument"
        >
          <Radio.Group className="gz-adoption-choices">
            <Flex vertical gap={6}>
              {ADOPTION_INSTRUMENTS.map((value) => (
                <Radio key={value} value={value} data-testid={`adoption-form-instrument-${value}`}>
                  {text(adoptionInstrumentLabels[value])}
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
        </Form.Item>
        {instrument === 'owners_rules' ? (
          <Form.Item
            name="matter"
            label={t('form.matter')}
            rules={[{ required: true, message: t('form.choose') }]}
            extra={t('form.matterHelp')}
            data-testid="adoption-form-matter"
          >
            <Radio.Group className="gz-adoption-choices">
              <Flex vertical gap={6}>
                {OWNERS_MATTERS.map((value) => (
                  <Radio key={value} value={value} data-testid={`adoption-form-matter-${value}`}>
                    {text(ownersMatterLabels[value])}
                  </Radio>
                ))}
              </Flex>
            </Radio.Group>
          </Form.Item>
        ) : null}
        <Form.Item name="title" label={t('form.docTitle')} rules={[required]}>
          <Input
            maxLength={ADOPTION_LIMITS.title}
            placeholder={t('form.docTitlePlaceholder')}
            data-testid="adoption-form-title"
          />
        </Form.Item>
        <NoticeFields today={today} fromBounds={bounds.from} />
      </Form>
    </Modal>
  );
}
