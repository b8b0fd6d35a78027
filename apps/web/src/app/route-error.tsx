import { Alert, Button } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** True for the error a lazy route chunk throws when a deploy replaced it while the tab was open. */
export const isChunkLoadError = (error: unknown): boolean =>
  error instanceof Error && /dynamically imported module|Failed to fetch|Importing a module script failed|error loading dynamically/i.test(error.message);

function RouteErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const isChunk = isChunkLoadError(error);
  return (
    <div className="gz-centered" style={{ minHeight: 320 }} role="alert">
      <div style={{ maxWidth: 520, width: '100%' }}>
        <Alert
          type="error"
          showIcon
          title={isChunk ? t('errors.chunk.title') : t('errors.render.title')}
          description={isChunk ? t('errors.chunk.hint') : t('errors.render.hint')}
          action={
            <Button type="primary" size="small" onClick={() => window.location.reload()}>
              {t('common.reload')}
            </Button>
          }
        />
      </div>
    </div>
  );
}

/**
 * Catches a page's render error or failed chunk load so the shell (menu, notifications) stays
 * usable; keyed by the path, so navigating elsewhere clears it.
 */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('page failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.error ? <RouteErrorMessage error={this.state.error} /> : this.props.children;
  }
}
