/**
 * The words a community profile offers as choices — in Chinese whatever the UI language, since
 * they are written into the community's self-governance handbook (社区规范管理自治手册), a Chinese
 * document. The compound types and owners' bodies come from @gongzhi/domain.
 */
export const profileWords = {
  /** What the handbook says of a compound without an owners' body (the API's `null`). */
  noOwnersBody: '未成立',
  noPropertyCompany: '无物业（居委会托管）',
  /** The usual positions on a residents' committee, in the order the handbook lists them. */
  positions: ['党委书记、主任', '党支部书记、主任', '主任', '副主任', '委员'],
  /** The usual sub-committees of a residents' committee (城市居民委员会组织法 Art. 13). */
  subCommittees: ['人民调解委员会', '治安保卫委员会', '公共卫生委员会', '环境和物业管理委员会', '社会福利委员会', '文化教育委员会'],
} as const;
