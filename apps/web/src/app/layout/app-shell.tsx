import { Button, Drawer, Grid, Layout, Popover, Tooltip } from 'antd';
import { type ReactNode, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Icon, type IconName } from '../../components/icons';
import { PageSkeleton } from '../../components/loading';
import type { CurrentUser } from '../../features/auth/api/get-me';
import { useLogout } from '../../features/auth/api/logout';
import { LiveIndicator } from '../../features/live-updates/components/live-indicator';
import { NotificationBell } from '../../features/notifications/components/notification-bell';
import { hasRole } from '../../lib/roles';
import { RouteErrorBoundary } from '../route-error';
import { LanguageSwitch } from './language-switch';

export interface NavItem {
  path: string;
  icon: IconName;
  label: string;
}

/** The menu a user sees: every role reaches its own screens, nothing it cannot use. */
export function navItems(
  user: Pick<CurrentUser, 'roles'>,
  t: (key: 'nav.home' | 'nav.portfolio' | 'nav.myTasks' | 'nav.reviews' | 'nav.risk' | 'nav.knowledge' | 'nav.newEngagement' | 'nav.notifications') => string,
): NavItem[] {
  const roles = user.roles;
  const items: NavItem[] = [{ path: '/', icon: 'home', label: t('nav.home') }];
  if (hasRole(roles, 'admin', 'pm', 'partner', 'lawyer')) items.push({ path: '/engagements', icon: 'briefcase', label: t('nav.portfolio') });
  if (hasRole(roles, 'pm', 'partner', 'lawyer', 'client')) items.push({ path: '/tasks', icon: 'checklist', label: t('nav.myTasks') });
  if (hasRole(roles, 'partner')) items.push({ path: '/reviews', icon: 'stamp', label: t('nav.reviews') });
  if (hasRole(roles, 'partner', 'pm', 'admin')) items.push({ path: '/risk', icon: 'alert', label: t('nav.risk') });
  // The firm's knowledge base: firm staff only (a client reads its engagement's copy on the engagement page).
  if (hasRole(roles, 'admin', 'pm', 'partner', 'lawyer')) items.push({ path: '/knowledge', icon: 'book', label: t('nav.knowledge') });
  if (hasRole(roles, 'pm', 'admin')) items.push({ path: '/engagements/new', icon: 'plus', label: t('nav.newEngagement') });
  items.push({ path: '/notifications', icon: 'bell', label: t('nav.notifications') });
  return items;
}

/**
 * The menu entry a path belongs to: the longest matching prefix (`/engagements/new` beats
 * `/engagements`); none for pages outside the menu (a deliverable, the account page), rather than
 * pretending the user is on the home page.
 */
export function selectedNav(items: readonly Pick<NavItem, 'path'>[], pathname: string): string | null {
  const matches = items.filter((item) => (item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`)));
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? null;
}

function SideNav({ items, collapsed, pathname }: { items: NavItem[]; collapsed: boolean; pathname: string }) {
  const { t } = useTranslation();
  const selected = selectedNav(items, pathname);
  return (
    <nav aria-label={t('app.name')}>
      <ul className="gz-nav">
        {items.map((item) => {
          const link = (
            <Link to={item.path} className={`gz-nav-link ${item.path === selected ? 'is-active' : ''}`} aria-current={item.path === selected ? 'page' : undefined} aria-label={collapsed ? item.label : undefined}>
              <Icon name={item.icon} size={17} />
              {collapsed ? null : <span className="gz-nav-label">{item.label}</span>}
            </Link>
          );
          return <li key={item.path}>{collapsed ? <Tooltip title={item.label} placement="right">{link}</Tooltip> : link}</li>;
        })}
      </ul>
    </nav>
  );
}

function Brand({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to="/" className="gz-brand" aria-label={t('app.name')}>
      <span className="gz-brand-mark">{t('app.mark')}</span>
      {!collapsed ? (
        <span className="gz-brand-text">
          <span className="gz-brand-name">{t('app.name')}</span>
          <span className="gz-brand-sub">{t('app.tagline')}</span>
        </span>
      ) : null}
    </Link>
  );
}

export function AppShell({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const isNarrow = !screens.lg;
  // A phone: no side column at all (the page gets the whole width); the menu opens over it.
  const isPhone = screens.md === false;
  const [collapsedByUser, setCollapsed] = useState<boolean | null>(null);
  const collapsed = collapsedByUser ?? isNarrow;
  const [isMenuOpen, setMenuOpen] = useState(false);
  // Going somewhere closes the phone's menu.
  useEffect(() => setMenuOpen(false), [location.pathname]);
  const logout = useLogout();
  const items = navItems(user, t);
  const [isUserPanelOpen, setUserPanelOpen] = useState(false);

  const userPanel = (
    <div className="gz-user-panel">
      <div className="gz-user-panel-name">{user.displayName}</div>
      <div className="gz-muted gz-small">
        {user.username} · {user.roles.map((role) => t(`roles.${role}`)).join(t('common.listSeparator'))}
      </div>
      <Button
        block
        style={{ marginTop: 12 }}
        icon={<Icon name="user" />}
        onClick={() => {
          setUserPanelOpen(false);
          void navigate('/account');
        }}
        data-testid="account-link"
      >
        {t('nav.account')}
      </Button>
      <Button
        block
        style={{ marginTop: 8 }}
        icon={<Icon name="logout" />}
        loading={logout.isPending}
        onClick={() => logout.mutate(undefined, { onSuccess: () => void navigate('/login', { replace: true }) })}
        data-testid="logout"
      >
        {t('auth.logout')}
      </Button>
    </div>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isPhone ? (
        <Drawer
          placement="left"
          open={isMenuOpen}
          onClose={() => setMenuOpen(false)}
          size={240}
          closable={false}
          rootClassName="gz-menu-drawer"
          styles={{ body: { padding: 0, background: 'var(--gz-sider)' } }}
          data-testid="menu-drawer"
        >
          <Brand collapsed={false} />
          <SideNav items={items} collapsed={false} pathname={location.pathname} />
        </Drawer>
      ) : (
        <Layout.Sider width={200} collapsedWidth={56} collapsed={collapsed} trigger={null} className="gz-sider">
          <Brand collapsed={collapsed} />
          <SideNav items={items} collapsed={collapsed} pathname={location.pathname} />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="gz-header">
          {isPhone ? (
            <Button
              type="text"
              className="gz-header-button gz-touch"
              aria-label={t('app.openMenu')}
              aria-expanded={isMenuOpen}
              onClick={() => setMenuOpen(true)}
              icon={<Icon name="unfold" size={20} />}
              data-testid="menu-button"
            />
          ) : (
            <Button
              type="text"
              className="gz-header-button"
              aria-label={collapsed ? t('app.expandMenu') : t('app.collapseMenu')}
              onClick={() => setCollapsed(!collapsed)}
              icon={<Icon name={collapsed ? 'unfold' : 'fold'} size={18} />}
            />
          )}
          <div className="gz-header-right">
            <LiveIndicator />
            <NotificationBell />
            <LanguageSwitch signedIn />
            <Popover content={userPanel} trigger="click" placement="bottomRight" arrow={false} open={isUserPanelOpen} onOpenChange={setUserPanelOpen}>
              <Button type="text" className="gz-header-button gz-user-button" data-testid="user-menu">
                <Icon name="user" size={16} />
                <span className="gz-user-name">{user.displayName}</span>
              </Button>
            </Popover>
          </div>
        </Layout.Header>
        <Layout.Content className="gz-content">
          <RouteErrorBoundary key={location.pathname}>
            <Suspense fallback={<PageSkeleton />}>
              <Outlet />
            </Suspense>
          </RouteErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

export function CenteredPage({ children }: { children: ReactNode }) {
  return <div className="gz-centered">{children}</div>;
}
