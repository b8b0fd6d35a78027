import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginForm } from '../../features/auth/components/login-form';
import { useMe } from '../../features/auth/api/get-me';
import { useDocumentTitle } from '../../lib/use-document-title';
import { LanguageSwitch } from '../layout/language-switch';

/** Only same-site paths: `?next=https://evil.example` must not become a redirect. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  useDocumentTitle(t('auth.title'));
  const next = safeNext(params.get('next'));
  if (me.data) return <Navigate to={next} replace />;

  return (
    <div className="gz-login">
      <aside className="gz-login-brand">
        <div className="gz-login-mark">{t('app.mark')}</div>
        <h1>{t('app.name')}</h1>
        <p className="gz-login-tagline">{t('auth.brandLine')}</p>
        <ul className="gz-login-points">
          <li>{t('auth.point1')}</li>
          <li>{t('auth.point2')}</li>
          <li>{t('auth.point3')}</li>
        </ul>
      </aside>
      <main className="gz-login-main">
        <div className="gz-login-lang">
          <LanguageSwitch signedIn={false} />
        </div>
        <div className="gz-login-card">
          <h2>{t('auth.title')}</h2>
          <p className="gz-muted">{t('auth.subtitle')}</p>
          <LoginForm onSignedIn={() => void navigate(next, { replace: true })} />
          <p className="gz-muted gz-small" style={{ marginTop: 24 }}>
            {t('auth.help')}
          </p>
        </div>
      </main>
    </div>
  );
}
