/**
 * A new questionnaire's own words as the dashboard drafts them — in Chinese whatever the UI
 * language, since its readers are the street's officials, community workers, residents and
 * property companies. The PM edits the draft before any link goes out. `{{name}}` placeholders
 * are filled by features/research/utils/draft.ts.
 */
export const questionnaireDraft = {
  /** Stripped from the client's name to name the place: 东城区安定门街道办事处 → 东城区安定门街道. */
  clientSuffixes: ['办事处', '人民政府'],
  title: '{{place}}社区治理情况调查问卷（{{audience}}）',
  greeting: {
    government: '尊敬的领导、同志们：',
    committee: '尊敬的社区工作者：',
    residents: '尊敬的居民朋友：',
    property: '尊敬的物业服务企业负责同志：',
  },
  intro:
    '{{greeting}}\n您好！为全面了解{{place}}社区治理的现状、突出问题和各方意见建议，{{client}}委托北京市易和律师事务所项目组开展创新社区治理法律服务实地调研。本问卷采用匿名方式填写，不需要填写姓名和联系方式，所填内容仅用于本次调研的统计分析，不会对外公开，也不会用于其他用途。请根据实际情况作答，填写约需5分钟。衷心感谢您的支持与参与！',
  /** A new 评分 question's end labels. */
  scale: { lowLabel: '非常不满意', highLabel: '非常满意' },
} as const;
