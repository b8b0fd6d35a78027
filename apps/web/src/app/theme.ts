import type { ThemeConfig } from 'antd';

const CJK_FONTS = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC"';
const LATIN_FONTS = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", "DejaVu Sans"';

/**
 * Chinese first in Chinese, so “quotes” and ：punctuation take their full-width Chinese forms;
 * Latin first in English, so an apostrophe is not a full-width gap.
 */
export const fontFamilyFor = (language: string): string => (language === 'en' ? `${LATIN_FONTS}, ${CJK_FONTS}, sans-serif` : `-apple-system, ${CJK_FONTS}, ${LATIN_FONTS}, sans-serif`);

/** Calm and dense: a deep ink blue, neutral greys, small radii, 13 px text, compact rows. */

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4f91',
    colorLink: '#1d4f91',
    colorSuccess: '#3f8f3a',
    colorWarning: '#c7811b',
    colorError: '#c8382c',
    colorInfo: '#1d4f91',
    colorBgLayout: '#f3f4f6',
    colorTextBase: '#1f2329',
    borderRadius: 4,
    fontSize: 13,
    controlHeight: 30,
    wireframe: false,
  },
  components: {
    Layout: { siderBg: '#132337', headerBg: '#ffffff', headerHeight: 52, headerPadding: '0 16px', bodyBg: '#f3f4f6' },
    Menu: {
      darkItemBg: '#132337',
      darkSubMenuItemBg: '#132337',
      darkItemSelectedBg: '#24528c',
      darkItemColor: 'rgba(255,255,255,0.72)',
      itemHeight: 38,
    },
    Table: { headerBg: '#f7f8fa', cellPaddingBlockMD: 9, cellPaddingInlineMD: 12, cellPaddingBlockSM: 6 },
    Card: { headerHeightSM: 40 },
    Tabs: { horizontalMargin: '0 0 12px 0' },
  },
};
