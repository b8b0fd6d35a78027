import { Alert, App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-state';
import { isApiError } from '../../../lib/errors';
import { useChangePassword } from '../api/change-password';

/** The API's rule for new passwords (newPasswordSchema): long rather than complicated. */
export const MIN_PASSWORD_LENGTH = 12;

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * Current password, then the new one twice. What it costs is said before the button, not after:
 * every other session ends and every API token stops working.
 */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const change = useChangePassword();
  // A wrong current password belongs next to that field; anything else (a delay, an outage) above the form.
  const isWrongCurrent = isApiError(change.error, 'invalid_credentials');

  const submit = (values: PasswordValues) => {
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('account.password.changed'));
        },
      },
    );
  };

  return (
    <Form<PasswordValues> form={form} layout="vertical" requiredMark={false} onFinish={submit} onValuesChange={() => change.error && change.reset()} style={{ maxWidth: 440 }} data-testid="change-password-form">
      <Alert type="warning" showIcon title={t('account.password.consequences')} style={{ marginBottom: 16 }} data-testid="password-consequences" />
      {change.error && !isWrongCurrent ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={change.error} compact />
        </div>
      ) : null}
      <Form.Item
        label={t('account.password.current')}
        name="currentPassword"
        rules={[{ required: true, message: t('account.password.currentRequired') }]}
        {...(isWrongCurrent ? { validateStatus: 'error' as const, help: t('account.password.currentWrong') } : {})}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label={t('account.password.new')}
        name="newPassword"
        extra={t('account.password.rule', { min: MIN_PASSWORD_LENGTH })}
        rules={[
          { required: true, message: t('account.password.newRequired') },
          { min: MIN_PASSWORD_LENGTH, message: t('account.password.tooShort', { min: MIN_PASSWORD_LENGTH }) },
          { max: 256, message: t('account.password.tooLong') },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={t('account.password.confirm')}
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('account.password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) =>
              !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="change-password-submit">
        {t('account.password.submit')}
      </Button>
    </Form>
  );
}
