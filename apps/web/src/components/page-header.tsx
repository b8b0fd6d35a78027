import { Breadcrumb, Flex } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface Crumb {
  label: string;
  to?: string;
}

/** The top of every page: where you are, what this is, and the page's actions on the right. */
export function PageHeader({ title, subtitle, crumbs, extra, tags }: { title: ReactNode; subtitle?: ReactNode; crumbs?: Crumb[]; extra?: ReactNode; tags?: ReactNode }) {
  return (
    <header className="gz-page-header">
      {crumbs && crumbs.length > 0 ? (
        <Breadcrumb
          className="gz-crumbs"
          items={crumbs.map((crumb) => ({ key: crumb.label, title: crumb.to ? <Link to={crumb.to}>{crumb.label}</Link> : crumb.label }))}
        />
      ) : null}
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Flex align="center" gap={10} wrap>
            <h1 className="gz-page-title">{title}</h1>
            {tags}
          </Flex>
          {subtitle ? <div className="gz-page-subtitle">{subtitle}</div> : null}
        </div>
        {extra ? (
          <Flex gap={8} wrap align="center">
            {extra}
          </Flex>
        ) : null}
      </Flex>
    </header>
  );
}
