/**
 * A community's profile as the lawyers record it during field research (社区概况): what its
 * self-governance handbook (社区规范管理自治手册) is drafted from — the Party organisation that
 * leads it, its households and residents, its compounds with their owners' bodies and property
 * services, the residents' committee and its sub-committees, the mediation committee — and a few
 * paragraphs on what research found there.
 */
export interface CommunityProfileDetails {
  /** 中共和平里北社区委员会 */
  partyOrganization: string;
  households: number;
  residents: number;
  /** 居民小组; null when not known. */
  residentGroups: number | null;
  /** 居委会成员: 主任、副主任、委员, in the order the handbook lists them. */
  committeeMembers: { name: string; position: string }[];
  /** Sub-committees under the residents' committee (组织法 Art. 13), e.g. 人民调解委员会. */
  subCommittees: string[];
  compounds: ResidentialCompoundDetails[];
  /** The 人民调解委员会: who sits on it, where and how to reach it. */
  mediation: { members: string[]; venue: string; phone: string | null };
  /** What research found in this community, one paragraph each. */
  features: string[];
}

export interface ResidentialCompoundDetails {
  name: string;
  /** One of COMPOUND_TYPES, or the lawyer's own word. */
  type: string | null;
  households: number | null;
  /** 业主委员会, 物业管理委员会, or null: none formed. */
  ownersBody: string | null;
  /** The property service company, or 无物业（居委会托管）; null when not known. */
  propertyCompany: string | null;
}

/** The kinds of compound a Beijing community has, offered as choices (a lawyer may type another). */
export const COMPOUND_TYPES = ['商品房小区', '老旧小区', '回迁安置房', '单位宿舍', '保障性住房', '平房院落'] as const;

/** Owners' bodies a compound can have (物业管理条例): offered as choices. */
export const OWNERS_BODIES = ['业主委员会', '物业管理委员会'] as const;

/** How long each list of a profile may grow: a residents' committee has 5–9 members, a community a few dozen compounds. */
export const COMMUNITY_PROFILE_LIMITS = { committeeMembers: 15, subCommittees: 10, compounds: 60, mediators: 15, features: 10 } as const;
