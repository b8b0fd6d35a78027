/**
 * A community's profile (社区概况) as a lawyer records it in field research — the body of
 * `saveCommunityProfile` and of the field-research workflow's `saveProfile` command — for tests.
 */
export const SAMPLE_COMMUNITY_PROFILE = {
  partyOrganization: '中共测试社区委员会',
  households: 2860,
  residents: 6920,
  residentGroups: 12,
  committeeMembers: [
    { name: '王秀兰', position: '主任' },
    { name: '刘建国', position: '副主任' },
    { name: '陈晓燕', position: '委员' },
  ],
  subCommittees: ['人民调解委员会', '治安保卫委员会'],
  compounds: [
    { name: '和平里七区', type: '老旧小区', households: 1320, ownersBody: null, propertyCompany: '无物业（居委会托管）' },
    { name: '青年湖嘉园', type: '商品房小区', households: 1540, ownersBody: '业主委员会', propertyCompany: '北京鸿运物业管理有限公司' },
  ],
  mediation: { members: ['王秀兰', '赵德明', '孙丽华'], venue: '社区党群服务中心一层调解室', phone: '010-84212345' },
  features: ['老旧小区无物业，楼道堆物和飞线充电问题集中。'],
};
