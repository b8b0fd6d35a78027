import { i18n } from '../../../lib/i18n';
import { type CatalogueKey, useNamespaceTranslation } from '../../../lib/namespace-translation';
import { zhCNCalendarFeeds } from '../../../locales/calendar-feeds/zh-CN';

// The Chinese strings travel with the feature's (lazily loaded) code, not with the shell; English
// comes with the rest of English (lib/i18n.ts, `ensureLocaleLoaded`).
i18n.addResourceBundle('zh-CN', 'calendarFeeds', zhCNCalendarFeeds, true, true);

export type CalendarFeedsKey = CatalogueKey<typeof zhCNCalendarFeeds>;
export type CalendarFeedsT = (key: CalendarFeedsKey, options?: Record<string, string | number>) => string;

/** `t` for the `calendarFeeds` namespace (its own: the main catalogue's typed keys are at TS2589's limit). */
export const useCalendarFeedsTranslation = (): { t: CalendarFeedsT } =>
  useNamespaceTranslation<typeof zhCNCalendarFeeds>('calendarFeeds');
