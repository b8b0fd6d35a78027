import type { Locale } from '@gongzhi/contracts';
import i18n from 'i18next';
import type { Locale as AntdLocale } from 'antd/es/locale';
import { initReactI18next, useTranslation } from 'react-i18next';
import { zhCN } from '../locales/zh-CN';

const STORAGE_KEY = 'gongzhi.locale';

const isLocale = (value: unknown): value is Locale => value === 'zh-CN' || value === 'en';

function readStoredLocale(): Locale | null {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** The user's last choice on this browser; otherwise Chinese (the product's first language). */
export function initialLocale(): Locale {
  return readStoredLocale() ?? 'zh-CN';
}

/** True once the user picked a language on this browser (so the account's preference must not override it). */
export const hasStoredLocale = (): boolean => readStoredLocale() !== null;

void i18n.use(initReactI18next).init({
  // English is loaded on demand (`ensureLocaleLoaded`): Chinese users never download it.
  // The knowledge base's strings are a namespace of their own, `knowledge`, brought in Chinese by
  // the feature's code (features/knowledge/utils/use-knowledge-translation.ts) and in English here;
  // field research's likewise, `research` (features/research/utils/use-research-translation.ts), and
  // problem cases', `cases` (features/cases/utils/use-cases-translation.ts), 会诊's,
  // `consultations` (features/consultations/utils/use-consultations-translation.ts), 项目成效's,
  // `outcomes` (features/outcomes/utils/use-outcomes-translation.ts), and 民主程序's, `adoptions`
  // (features/adoptions/utils/use-adoptions-translation.ts); the public comment page's (公示征求意见),
  // `publicComments` (features/public-comments/utils/use-public-comments-translation.ts); the account
  // page's calendar subscriptions', `calendarFeeds` (features/account/utils/use-calendar-feeds-translation.ts).
  resources: { 'zh-CN': { translation: zhCN } },
  lng: initialLocale(),
  fallbackLng: 'zh-CN',
  supportedLngs: ['zh-CN', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export const currentLocale = (): Locale => (i18n.language === 'en' ? 'en' : 'zh-CN');

let englishAntdLocale: AntdLocale | undefined;

/** Loads a locale's catalogue (and antd's) before it is shown; Chinese is always there. */
export async function ensureLocaleLoaded(locale: Locale): Promise<void> {
  if (locale !== 'en' || englishAntdLocale) return;
  const [
    { en }, { enKnowledge }, { enResearch }, { enCases }, { enWorkLog }, { enConsultations }, { enOutcomes }, { enAdoptions }, { enPublicComments }, { enCalendarFeeds },
    antd,
  ] = await Promise.all([
    import('../locales/en'),
    import('../locales/knowledge/en'),
    import('../locales/research/en'),
    import('../locales/cases/en'),
    import('../locales/work-log/en'),
    import('../locales/consultations/en'),
    import('../locales/outcomes/en'),
    import('../locales/adoptions/en'),
    import('../locales/public-comments/en'),
    import('../locales/calendar-feeds/en'),
    import('antd/es/locale/en_US'),
  ]);
  i18n.addResourceBundle('en', 'translation', en, true, true);
  i18n.addResourceBundle('en', 'knowledge', enKnowledge, true, true);
  i18n.addResourceBundle('en', 'research', enResearch, true, true);
  i18n.addResourceBundle('en', 'cases', enCases, true, true);
  i18n.addResourceBundle('en', 'workLog', enWorkLog, true, true);
  i18n.addResourceBundle('en', 'consultations', enConsultations, true, true);
  i18n.addResourceBundle('en', 'outcomes', enOutcomes, true, true);
  i18n.addResourceBundle('en', 'adoptions', enAdoptions, true, true);
  i18n.addResourceBundle('en', 'publicComments', enPublicComments, true, true);
  i18n.addResourceBundle('en', 'calendarFeeds', enCalendarFeeds, true, true);
  englishAntdLocale = antd.default;
}

/** antd's own texts (pagination, empty, modal buttons) for the current language, once loaded. */
export const englishAntd = (): AntdLocale | undefined => englishAntdLocale;

/** Switches the UI language and remembers it on this browser. */
export async function changeLocale(locale: Locale): Promise<void> {
  await ensureLocaleLoaded(locale);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  await i18n.changeLanguage(locale);
}

if (typeof document !== 'undefined') document.documentElement.lang = currentLocale();

/** `{ zh, en }` text (templates, notifications) in the UI language. */
export function useLocalized(): { locale: Locale; text: (value: { zh: string; en: string }) => string } {
  const { i18n: instance } = useTranslation();
  const locale: Locale = instance.language === 'en' ? 'en' : 'zh-CN';
  return { locale, text: (value) => (locale === 'en' ? value.en : value.zh) };
}

export { i18n };
