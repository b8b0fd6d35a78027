export { type BankQuestion, bankQuestion, bankQuestionsFor, QUESTION_BANK } from './bank';
export {
  type Answer,
  type AnswerCheck,
  type Answers,
  checkAnswers,
  MAX_OPTIONS,
  MAX_QUESTIONS,
  MAX_TEXT_ANSWER,
  type Question,
  questionKeySchema,
  questionListSchema,
  questionProblems,
  questionSchema,
  QUESTION_TYPES,
  type QuestionType,
  questionTypeLabels,
  QUESTIONNAIRE_STATUSES,
  type QuestionnaireStatus,
  RESPONDENT_AUDIENCES,
  type RespondentAudience,
  respondentAudienceLabels,
  RESPONSE_SOURCES,
  type ResponseSource,
} from './questionnaire';
export { type OptionCount, type QuestionnaireResults, type QuestionResult, type ResponseForResults, summarizeResponses } from './results';
export { MAX_PROBLEMS_PER_SESSION, type ProblemTag, RESEARCH_SESSION_KINDS, type ResearchSessionKind, researchSessionKindLabels } from './sessions';
export { COMMUNITY_PROFILE_LIMITS, type CommunityProfileDetails, COMPOUND_TYPES, OWNERS_BODIES, type ResidentialCompoundDetails } from './community-profile';
