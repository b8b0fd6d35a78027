import { Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { ApiTokens } from '../../features/account/components/api-tokens';
import { CalendarFeeds } from '../../features/account/components/calendar-feeds';
import { ChangePasswordForm } from '../../features/account/components/change-password-form';
import { useCurrentUser } from '../../features/auth/api/get-me';
import { hasRole } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';

/** 账号与安全: one's own password, personal API tokens and calendar subscription addresses. */
export default function AccountRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  useDocumentTitle(t('account.title'));
  return (
    <>
      <PageHeader title={t('account.title')} subtitle={t('account.subtitle', { name: user.displayName, username: user.username })} />
      <Flex vertical gap={16}>
        <Card title={t('account.password.title')}>
          <ChangePasswordForm />
        </Card>
        <Card title={t('account.tokens.title')}>
          <ApiTokens isAdmin={hasRole(user.roles, 'admin')} />
        </Card>
        <CalendarFeeds />
      </Flex>
    </>
  );
}
