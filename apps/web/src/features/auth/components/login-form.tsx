import { Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import type { CurrentUser } from '../api/get-me';
import { useLogin } from '../api/login';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginForm({ onSignedIn }: { onSignedIn: (user: CurrentUser) => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const [form] = Form.useForm<LoginValues>();

  return (
    <Form<LoginValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      size="large"
      onFinish={(values) => login.mutate({ username: values.username.trim(), password: values.password }, { onSuccess: ({ user }) => onSignedIn(user) })}
      aria-label={t('auth.title')}
    >
      {login.error ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={login.error} compact />
        </div>
      ) : null}
      <Form.Item label={t('auth.username')} name="username" rules={[{ required: true, message: t('auth.usernameRequired') }]}>
        <Input autoComplete="username" autoFocus prefix={<Icon name="user" />} placeholder={t('auth.usernamePlaceholder')} />
      </Form.Item>
      <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
        <Input.Password autoComplete="current-password" placeholder={t('auth.passwordPlaceholder')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={login.isPending}>
        {t('auth.submit')}
      </Button>
    </Form>
  );
}
