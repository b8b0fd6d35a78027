import { createHash } from 'node:crypto';
import { type FormValues, type PlannedTask } from '@gongzhi/domain';

/** What a lawyer of the firm writes in each field, by field key (the template's keys). */
const TEXTS: Record<string, string> = {
  background:
    '辖区老旧小区占比高，违法建设、占用消防通道、电动自行车入户充电和物业管理纠纷等问题集中，12345热线相关诉求居高不下。街道希望借助法律专业力量，推进基层治理规范化、法治化。',
  workPlanSummary: '项目分七个阶段推进：方案确认、法治培训、实地调研、政府治理体系、居民自治体系、互动机制、宣传推广；各阶段成果经合伙人审核后提交街道。',
  attendees: '街道办事处副主任、综合行政执法队队长、社区建设办公室科长；项目合伙人、项目经理、主办律师',
  minutes: '与会人员反映楼道堆物、电动自行车入户充电、地下室群租等问题突出；居委会对业主委员会筹备程序不熟悉，希望律师提供操作指引。会议商定由项目组汇总问题清单，两周内反馈处理建议。',
  remarks: '方案结构完整，建议补充各社区调研时间安排表，并明确培训课件的审核流程。',
  contractNo: '易和法服〔2026〕第0917号',
  audience: '街道班子成员、综合行政执法队全体队员、各社区党委书记及居委会主任',
  summary: '围绕《北京市街道办事处条例》《北京市物业管理条例》及行政执法程序开展专题培训，现场解答执法取证、责令改正通知书制作等问题，课后测试平均得分86分。',
  keyFindings: '一是违法建设和占用消防通道问题存量大；二是物业服务合同到期续聘程序不规范；三是居民对居民公约的知晓率不足四成。',
  issuesFound: '部分执法文书缺少法律依据的条、款、项，责令改正期限表述不明确；个别案卷缺少送达回证。',
  problems: '楼道堆物堆料、占用消防通道\n电动自行车入户充电、飞线充电\n地下室违规住人\n小区公共收益未公示',
  contacts: '区住房城乡建设委物业科、东城消防救援支队防火监督员、和平里派出所社区民警',
  practicalDifficulties: '占用消防通道的认定和取证标准不统一；违法建设当事人拒不配合时，强制拆除程序周期长。',
  agreedPoints: '建立问题线索移交台账；占用消防通道由街道执法队先行劝导，拒不改正的移交消防救援机构查处；每季度召开一次联席会议。',
  findings: '草案与《城市居民委员会组织法》相符；第十二条关于违约处罚的表述超出自治权限，应改为倡导性条款。',
  location: '社区居委会公告栏、各楼门单元公告栏及社区微信公众号',
  filingNo: '和街备〔2026〕第12号',
  topic: '规范电动自行车停放充电，共建平安社区',
  theme: '法治护航基层治理——创新社区治理经验交流会',
  channels: '街道微信公众号、社区宣传栏、《东城报》',
  notes: '已按计划完成，相关材料已归档。',
};

/** A number that differs from task to task (and field to field), within the field's bounds. */
function plausibleNumber(seed: string, min: number, max: number): number {
  const roll = createHash('sha256').update(seed).digest().readUInt16LE(0) / 65_536;
  return Math.round(min + roll * (max - min));
}

/** Typical ranges for counts, by field key. */
const RANGES: Record<string, [number, number]> = {
  participants: [12, 45],
  sessions: [1, 4],
  governmentAttendees: [8, 20],
  committeeAttendees: [15, 40],
  satisfaction: [4, 5],
  householdsReached: [300, 1800],
};

/**
 * A plausible, valid submission for a task's form: what a lawyer would type, satisfying every
 * field constraint and cross-field rule. Used to drive demo data and end-to-end runs.
 */
export function sampleFormData(task: Pick<PlannedTask, 'form' | 'rules' | 'dueDate'> & { key?: string }): FormValues {
  const values: FormValues = {};
  const seed = (field: string) => `${task.key ?? task.dueDate}:${field}`;
  for (const field of task.form) {
    switch (field.type) {
      case 'text':
        values[field.key] = (TEXTS[field.key] ?? field.label.zh).slice(0, field.maxLength);
        break;
      case 'textarea':
        values[field.key] = (TEXTS[field.key] ?? `${field.label.zh}：已按计划完成，详见附件。`).slice(0, field.maxLength);
        break;
      case 'number': {
        const [low, high] = RANGES[field.key] ?? [20, 60];
        const min = Math.max(field.min ?? 0, low);
        const max = Math.min(field.max ?? high, high);
        values[field.key] = min <= max ? plausibleNumber(seed(field.key), min, max) : (field.min ?? 0);
        break;
      }
      case 'date':
        // Held a few days before it was due, as work usually is.
        values[field.key] = new Date(Date.parse(`${task.dueDate}T00:00:00Z`) - plausibleNumber(seed(field.key), 1, 4) * 86_400_000).toISOString().slice(0, 10);
        break;
      case 'boolean':
        values[field.key] = true;
        break;
      case 'select':
        values[field.key] = field.options[0]!.value;
        break;
      case 'multiselect':
        values[field.key] = field.options.map((option) => option.value);
        break;
    }
  }
  for (const rule of task.rules) {
    if (rule.kind === 'residents-meeting-quorum') {
      Object.assign(values, { [rule.eligibleField]: 180, [rule.attendeesField]: 112, [rule.votesForField]: 97 });
      if ('votesAgainst' in values) values.votesAgainst = 9;
      if ('abstentions' in values) values.abstentions = 6;
    } else if (rule.kind === 'date-order') {
      const from = new Date(`${task.dueDate}T00:00:00Z`);
      values[rule.fromField] = new Date(from.getTime() - (rule.minDays + 1) * 86_400_000).toISOString().slice(0, 10);
      values[rule.toField] = task.dueDate;
    } else {
      const distributed = plausibleNumber(seed(rule.thanField), 80, 160);
      values[rule.thanField] = distributed;
      values[rule.field] = distributed - plausibleNumber(seed(rule.field), 3, 15);
    }
  }
  return values;
}
