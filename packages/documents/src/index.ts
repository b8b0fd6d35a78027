export { formatChineseDate, toChineseNumeral } from './chinese-text';
export { type DeliverableDraftInput, type DeliverableSection, renderDeliverableDraft } from './deliverable-draft';
export { type OpenLetterInput, renderOpenLetter } from './open-letter';
export { renderResidentsConvention, type ResidentsConventionInput } from './residents-convention';
export {
  isViolationUnverified,
  NOTES_SHEET,
  POWERS_SHEET,
  renderViolationsList,
  STATUS_SOURCED,
  STATUS_UNVERIFIED,
  VIOLATIONS_HEADER_ROW,
  VIOLATIONS_HEADERS,
  VIOLATIONS_SHEET,
  type ViolationsListInput,
} from './violations-list';
