import { type LocalizedText } from './template/schema';
import { type ClientKind, clientGovernmentTerm } from './vocabulary';

/**
 * Text shared by street and township engagements names the client government neutrally —
 * 街道办事处（乡镇人民政府）, 本街道（乡镇） — and is worded for the one client when shown: a
 * township's staff should read 乡镇人民政府, not 街道办事处. Longest phrase first, so the full name
 * is replaced before its short form.
 */
const NEUTRAL_PHRASES: readonly { zh: string; en?: string; street: LocalizedText; township: LocalizedText }[] = [
  {
    zh: '街道办事处（乡镇人民政府）',
    en: 'street office (township government)',
    street: clientGovernmentTerm.street,
    township: clientGovernmentTerm.township,
  },
  { zh: '街道（乡镇）', street: { zh: '街道', en: 'street' }, township: { zh: '乡镇', en: 'township' } },
];

/** The neutral name of the client government, for text that serves both kinds. */
export const NEUTRAL_CLIENT_GOVERNMENT: LocalizedText = {
  zh: '街道办事处（乡镇人民政府）',
  en: 'street office (township government)',
};

/** Chinese text with the neutral client phrases replaced by the words for this client's kind. */
export function wordForClient(text: string, kind: ClientKind): string {
  return NEUTRAL_PHRASES.reduce((result, phrase) => result.replaceAll(phrase.zh, phrase[kind].zh), text);
}

/** Both locales of a template text, worded for this client's kind. */
export function localizeForClient(text: LocalizedText, kind: ClientKind): LocalizedText {
  const en = NEUTRAL_PHRASES.reduce(
    (result, phrase) => (phrase.en === undefined ? result : result.replaceAll(phrase.en, phrase[kind].en)),
    text.en,
  );
  return { zh: wordForClient(text.zh, kind), en };
}
