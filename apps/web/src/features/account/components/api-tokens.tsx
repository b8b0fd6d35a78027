import { TOKEN_SCOPES, type TokenScope } from '@gongzhi/domain';
import { Alert, App, Button, Checkbox, Flex, Form, Input, InputNumber, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { ErrorAlert } from '../../../components/error-state';
import { Icon } from '../../../components/icons';
import { formatInstant } from '../../../lib/dates';
import { currentLocale } from '../../../lib/i18n';
import { type ApiToken, type CreatedApiToken, tokenState, useApiTokens, useCreateApiToken, useRevokeApiToken } from '../api/api-tokens';

interface NewTokenValues {
  name: string;
  scopes: TokenScope[];
  expiresInDays?: number | null;
}

/** The scopes a user may give a token: `admin` only exists for administrators. */
export function grantableScopes(isAdmin: boolean): TokenScope[] {
  return TOKEN_SCOPES.filter((scope) => scope !== 'admin' || isAdmin);
}

/** The secret, once: after this dialog closes nobody can read it again, the server included. */
function SecretDialog({ created, onClose }: { created: CreatedApiToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={created !== null}
      title={t('account.tokens.createdTitle', { name: created?.token.name ?? '' })}
      onCancel={onClose}
      // A stray click beside the dialog must not lose the only view of the secret.
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose} data-testid="token-secret-done">
          {t('account.tokens.secretDone')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('account.tokens.secretOnce')} style={{ marginBottom: 16 }} />
      {created ? (
        <Typography.Paragraph
          code
          copyable={{ text: created.secret, tooltips: [t('account.tokens.copy'), t('account.tokens.copied')] }}
          style={{ wordBreak: 'break-all' }}
          data-testid="token-secret"
        >
          {created.secret}
        </Typography.Paragraph>
      ) : null}
      <div className="gz-muted gz-small">{t('account.tokens.secretUsage')}</div>
    </Modal>
  );
}

export function CreateTokenForm({ isAdmin, onCreated }: { isAdmin: boolean; onCreated: (created: CreatedApiToken) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewTokenValues>();
  const create = useCreateApiToken();
  const scopes = grantableScopes(isAdmin);

  const submit = (values: NewTokenValues) => {
    const body = { name: values.name.trim(), scopes: values.scopes, ...(values.expiresInDays ? { expiresInDays: values.expiresInDays } : {}) };
    create.mutate(body, {
      onSuccess: (created) => {
        form.resetFields();
        onCreated(created);
      },
    });
  };

  return (
    <Form<NewTokenValues> form={form} layout="vertical" requiredMark={false} initialValues={{ scopes: ['read', 'write'] }} onFinish={submit} style={{ maxWidth: 560 }} data-testid="create-token-form">
      {create.error ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={create.error} compact />
        </div>
      ) : null}
      <Form.Item
        label={t('account.tokens.name')}
        name="name"
        rules={[
          { required: true, whitespace: true, message: t('account.tokens.nameRequired') },
          { max: 100, message: t('account.tokens.nameTooLong') },
        ]}
      >
        <Input placeholder={t('account.tokens.namePlaceholder')} maxLength={100} />
      </Form.Item>
      <Form.Item label={t('account.tokens.scopes')} name="scopes" rules={[{ required: true, type: 'array', min: 1, message: t('account.tokens.scopesRequired') }]}>
        <Checkbox.Group>
          <Flex vertical gap={4}>
            {scopes.map((scope) => (
              <Checkbox key={scope} value={scope} data-testid={`token-scope-${scope}`}>
                <strong>{t(`account.tokens.scope.${scope}`)}</strong>
                <span className="gz-muted"> — {t(`account.tokens.scopeHint.${scope}`)}</span>
              </Checkbox>
            ))}
          </Flex>
        </Checkbox.Group>
      </Form.Item>
      <Form.Item label={t('account.tokens.expiresInDays')} name="expiresInDays" extra={t('account.tokens.expiresHint')}>
        <InputNumber min={1} max={366} precision={0} style={{ width: 160 }} suffix={t('account.tokens.days')} placeholder={t('account.tokens.never')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<Icon name="plus" />} loading={create.isPending} data-testid="create-token-submit">
        {t('account.tokens.create')}
      </Button>
    </Form>
  );
}

function TokensTable() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const locale = currentLocale();
  const instant = (value: string | null, fallback: string) => (value ? formatInstant(value, locale) : fallback);

  if (tokens.isError) return <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />;
  const items = tokens.data?.items ?? [];
  if (!tokens.isPending && items.length === 0) return <EmptyState title={t('account.tokens.empty')} />;

  return (
    <>
      {revoke.error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={revoke.error} compact />
        </div>
      ) : null}
      <Table<ApiToken>
        rowKey="id"
        size="small"
        loading={tokens.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="tokens-table"
        columns={[
          { title: t('account.tokens.name'), dataIndex: 'name', render: (name: string, token) => (
            <div>
              <div>{name}</div>
              <Typography.Text code className="gz-small">{`${token.prefix}…`}</Typography.Text>
            </div>
          ) },
          { title: t('account.tokens.scopes'), dataIndex: 'scopes', render: (scopes: TokenScope[]) => scopes.map((scope) => <Tag key={scope}>{t(`account.tokens.scope.${scope}`)}</Tag>) },
          { title: t('account.tokens.createdAt'), dataIndex: 'createdAt', render: (value: string) => instant(value, '') },
          { title: t('account.tokens.lastUsedAt'), dataIndex: 'lastUsedAt', render: (value: string | null) => instant(value, t('account.tokens.neverUsed')) },
          { title: t('account.tokens.expiresAt'), dataIndex: 'expiresAt', render: (value: string | null) => instant(value, t('account.tokens.never')) },
          {
            title: t('account.tokens.state'),
            key: 'state',
            render: (_value, token) => {
              const state = tokenState(token);
              return <Tag color={state === 'active' ? 'green' : 'default'}>{t(`account.tokens.states.${state}`)}</Tag>;
            },
          },
          {
            title: '',
            key: 'actions',
            render: (_value, token) =>
              tokenState(token) === 'active' ? (
                <Popconfirm
                  title={t('account.tokens.revokeConfirm', { name: token.name })}
                  okText={t('account.tokens.revoke')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => revoke.mutateAsync(token.id).then(() => void message.success(t('account.tokens.revoked', { name: token.name })), () => undefined)}
                >
                  <Button size="small" danger data-testid={`revoke-token-${token.id}`}>
                    {t('account.tokens.revoke')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </>
  );
}

/** Personal API tokens for scripts and integrations: list, create (secret shown once), revoke. */
export function ApiTokens({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  return (
    <Flex vertical gap={24}>
      <div className="gz-muted">{t('account.tokens.intro')}</div>
      <CreateTokenForm isAdmin={isAdmin} onCreated={setCreated} />
      <TokensTable />
      <SecretDialog created={created} onClose={() => setCreated(null)} />
    </Flex>
  );
}
