import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab's title: "<page> · 共治". */
export function useDocumentTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  const product = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} · ${product}` : product;
  }, [title, product]);
}
