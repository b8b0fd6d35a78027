import type { Locale } from '@gongzhi/contracts';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUpdateMyLocale } from '../../features/auth/api/update-locale';
import { changeLocale, currentLocale } from '../../lib/i18n';

/** 中 / EN. Remembered on this browser, and on the account when signed in. */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { t, i18n } = useTranslation();
  const updateLocale = useUpdateMyLocale();
  const value: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <Segmented<Locale>
      size="small"
      value={value}
      aria-label={t('app.language')}
      data-testid="language-switch"
      options={[
        // i18n-exempt: each language is named in itself, whatever the current one.
        { value: 'zh-CN', label: '中' },
        { value: 'en', label: 'EN' },
      ]}
      onChange={(locale) => {
        void changeLocale(locale).then(() => {
          if (signedIn && currentLocale() === locale) updateLocale.mutate(locale);
        });
      }}
    />
  );
}
