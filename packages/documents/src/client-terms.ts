import { type ClientKind } from '@gongzhi/domain';

/** The client government as every generator names it. */
export interface ClientProfile {
  /** Full name as it heads and signs documents: 北京市东城区和平里街道办事处, 北京市怀柔区雁栖镇人民政府. */
  name: string;
  /** Name in running text: 和平里街道, 雁栖镇. */
  shortName: string;
  /** 街道办事处 (`street`) or 乡镇人民政府 (`township`): the wording of several passages differs. */
  kind: ClientKind;
  /** The district (区) the client belongs to, e.g. 东城区: its people's government reviews the client's decisions. */
  district: string;
}

export interface ClientTerms {
  /** 街道办事处 / 乡镇人民政府 */
  government: string;
  /** 街道 / 乡镇 */
  short: string;
  /** 街道党工委 / 乡镇党委 */
  partyCommittee: string;
  /** 街道综合行政执法队 / 乡镇综合行政执法队 */
  enforcementTeam: string;
  /** How the 北京市街道办事处条例 applies: directly, or by analogy (Art. 49). */
  regulationBasis: string;
  /** The 城乡规划法 article on illegal construction where the client is the enforcer's territory. */
  planningLawArticle: string;
}

const TERMS: Record<ClientKind, ClientTerms> = {
  street: {
    government: '街道办事处',
    short: '街道',
    partyCommittee: '街道党工委',
    enforcementTeam: '街道综合行政执法队',
    regulationBasis: '《北京市街道办事处条例》',
    planningLawArticle: '《中华人民共和国城乡规划法》第六十四条',
  },
  township: {
    government: '乡镇人民政府',
    short: '乡镇',
    partyCommittee: '乡镇党委',
    enforcementTeam: '乡镇综合行政执法队',
    // Art. 49: 乡镇 apply the regulation by analogy.
    regulationBasis: '《北京市街道办事处条例》（依该条例第四十九条参照适用）',
    // 乡村规划区 falls under Art. 65, enforced by the 乡镇人民政府 itself.
    planningLawArticle: '《中华人民共和国城乡规划法》第六十四条、第六十五条',
  },
};

export function termsFor(kind: ClientKind): ClientTerms {
  return TERMS[kind];
}
