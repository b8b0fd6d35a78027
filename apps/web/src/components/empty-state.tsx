import { Empty } from 'antd';
import type { ReactNode } from 'react';

/** Nothing to show, said plainly, with the next step when there is one. */
export function EmptyState({ title, description, action }: { title: string; description?: string; action?: ReactNode }) {
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <div>
          <div style={{ color: 'rgba(0,0,0,0.75)', fontWeight: 500 }}>{title}</div>
          {description ? <div style={{ color: 'rgba(0,0,0,0.45)', marginTop: 4 }}>{description}</div> : null}
        </div>
      }
    >
      {action}
    </Empty>
  );
}
