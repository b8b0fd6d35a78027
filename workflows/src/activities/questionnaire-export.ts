import { ApplicationFailure } from '@temporalio/common';
import { type Db, fromDbDate } from '@gongzhi/db';
import { renderQuestionnaireResultsWorkbook } from '@gongzhi/documents';
import { type Answers, civilDateAt, type Question, respondentAudienceLabels, type RespondentAudience } from '@gongzhi/domain';
import { type FileStore } from '@gongzhi/storage';
import { DEFAULT_FIRM_NAME } from './document-generation';

export interface ExportedFile {
  storageKey: string;
  sha256: string;
  sizeBytes: number;
  fileName: string;
}

export interface QuestionnaireExportActivities {
  /** The questionnaire's results as a workbook in the file store (content-addressed: the same results, the same file). */
  exportQuestionnaireResults(input: { questionnaireId: string; engagementId: string }): Promise<{ version: number; file: ExportedFile }>;
}

const SOURCE_LABELS: Record<string, string> = { link: '链接填写', lawyer: '律师录入' };

export function createQuestionnaireExportActivities({ db, files, firmName = DEFAULT_FIRM_NAME }: { db: Db; files: FileStore; firmName?: string }): QuestionnaireExportActivities {
  return {
    async exportQuestionnaireResults({ questionnaireId, engagementId }) {
      const questionnaire = await db.questionnaire.findFirst({ where: { id: questionnaireId, engagementId }, include: { engagement: { select: { clientName: true } } } });
      if (!questionnaire) throw ApplicationFailure.nonRetryable(`no questionnaire ${questionnaireId} in engagement ${engagementId}`, 'not_found');
      const [communities, responses] = await Promise.all([
        db.community.findMany({ where: { engagementId }, orderBy: { createdAt: 'asc' }, select: { id: true, name: true } }),
        db.questionnaireResponse.findMany({ where: { questionnaireId }, orderBy: { submittedAt: 'asc' }, select: { communityId: true, source: true, answeredOn: true, submittedAt: true, answers: true } }),
      ]);
      const nameOf = new Map(communities.map((community) => [community.id, community.name]));
      const streetwide = '不分社区';
      const date = civilDateAt(new Date());
      const content = await renderQuestionnaireResultsWorkbook({
        title: questionnaire.title,
        audience: respondentAudienceLabels[questionnaire.audience as RespondentAudience] ?? questionnaire.audience,
        version: questionnaire.version,
        clientName: questionnaire.engagement.clientName,
        preparedBy: firmName,
        date,
        communities: [...communities.map((community) => community.name), streetwide],
        questions: questionnaire.questions as Question[],
        responses: responses.map((response) => ({
          community: response.communityId === null ? streetwide : (nameOf.get(response.communityId) ?? streetwide),
          source: SOURCE_LABELS[response.source] ?? response.source,
          answeredOn: response.answeredOn ? fromDbDate(response.answeredOn) : civilDateAt(response.submittedAt),
          answers: response.answers as Answers,
        })),
      });
      const stored = await files.put(content);
      return { version: questionnaire.version, file: { storageKey: stored.storageKey, sha256: stored.sha256, sizeBytes: stored.sizeBytes, fileName: `${questionnaire.title}（结果 ${date}）.xlsx` } };
    },
  };
}
