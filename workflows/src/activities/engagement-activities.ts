import { type Db } from '@gongzhi/db';
import { type CaseActivities, createCaseActivities } from './case-records';
import { type CaseDocumentActivities, createCaseDocumentActivities } from './case-documents';
import { type CaseSettingsActivities, createCaseSettingsActivities } from './case-settings-records';
import { type FileStore } from '@gongzhi/storage';
import { createDocumentActivities, type DocumentActivities } from './document-generation';
import { createHotlineActivities, type HotlineActivities } from './hotline-records';
import { createModelHouseholdActivities, type ModelHouseholdActivities } from './model-household-records';
import { createWorkLogActivities, type WorkLogActivities } from './work-log-records';
import { type ConsultationActivities, createConsultationActivities } from './consultation-records';
import { type AdoptionActivities, createAdoptionActivities } from './adoption-records';
import { type AdoptionRecordActivities, createAdoptionRecordActivities } from './adoption-record-export';
import { createOutcomeActivities, type OutcomeActivities } from './outcome-records';
import { createEngagementRecords } from './engagement-records';
import { createIncidentRecords } from './incident-records';
import { createKnowledgeRecords } from './knowledge-records';
import { createMaterializeActivity } from './materialize';
import { createFieldResearchActivities, type FieldResearchActivities } from './field-research-records';
import { createPdfActivities, type PdfActivities } from './pdf-renditions';
import { createQuestionnaireExportActivities, type QuestionnaireExportActivities } from './questionnaire-export';
import { createQuestionnaireActivities, type QuestionnaireActivities } from './questionnaire-records';
import { failFastOnRefusedData } from './support';
import { createTaskRecords } from './task-records';
import { type EngagementActivities } from './types';

/** Everything an activity needs from outside, built once by the worker. */
export interface EngagementActivityDeps {
  db: Db;
  /** Where generated documents are stored (the same store the API serves downloads from). */
  files: FileStore;
  /** The law firm named on generated documents. */
  firmName?: string;
}

/**
 * The engine's activities, built from their dependencies so tests and the worker pass a real
 * database. Each write is one transaction keyed by business ids (see keys.ts): a retried attempt
 * writes nothing twice, and a guarded update never lets a stale attempt undo a newer state.
 */
export function createEngagementActivities({ db, files, firmName }: EngagementActivityDeps): EngagementActivities & DocumentActivities & QuestionnaireActivities & QuestionnaireExportActivities & FieldResearchActivities & PdfActivities & CaseActivities & CaseDocumentActivities & CaseSettingsActivities & HotlineActivities & ModelHouseholdActivities & WorkLogActivities & ConsultationActivities & AdoptionActivities & OutcomeActivities {
  return failFastOnRefusedData<EngagementActivities & DocumentActivities & QuestionnaireActivities & QuestionnaireExportActivities & FieldResearchActivities & PdfActivities & CaseActivities & CaseDocumentActivities & CaseSettingsActivities & HotlineActivities & ModelHouseholdActivities & WorkLogActivities & ConsultationActivities & AdoptionActivities & AdoptionRecordActivities & OutcomeActivities>({
    ...createMaterializeActivity(db),
    ...createEngagementRecords(db),
    ...createTaskRecords(db),
    ...createIncidentRecords(db),
    ...createKnowledgeRecords(db),
    ...createQuestionnaireActivities(db),
    ...createFieldResearchActivities(db),
    ...createCaseActivities(db),
    ...createCaseDocumentActivities({ db, files }),
    ...createCaseSettingsActivities(db),
    ...createModelHouseholdActivities(db),
    ...createWorkLogActivities({ db, files, ...(firmName ? { firmName } : {}) }),
    ...createConsultationActivities({ db }),
    ...createAdoptionActivities({ db }),
    ...createAdoptionRecordActivities({ db, files, ...(firmName ? { firmName } : {}) }),
    ...createOutcomeActivities({ db, files, ...(firmName ? { firmName } : {}) }),
    ...createHotlineActivities({ db, files, ...(firmName ? { firmName } : {}) }),
    ...createDocumentActivities({ db, files, ...(firmName ? { firmName } : {}) }),
    ...createQuestionnaireExportActivities({ db, files, ...(firmName ? { firmName } : {}) }),
    ...createPdfActivities({ db, files }),
  });
}
