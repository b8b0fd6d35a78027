import { type BankQuestion, type Question, QUESTION_BANK, type RespondentAudience } from '@gongzhi/domain';
import { Button, Checkbox, Drawer, Grid, Segmented, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResearchTranslation } from '../utils/use-research-translation';
import { QuestionSummary } from './question-summary';

/** The bank's entries by topic, in the bank's order. */
export function bankByTopic(
  bank: readonly BankQuestion[] = QUESTION_BANK,
): { topic: string; entries: BankQuestion[] }[] {
  const groups = new Map<string, BankQuestion[]>();
  for (const entry of bank) groups.set(entry.topic, [...(groups.get(entry.topic) ?? []), entry]);
  return [...groups].map(([topic, entries]) => ({ topic, entries }));
}

/**
 * The firm's question bank, grouped by topic, to add questions from: those already in the
 * questionnaire are ticked and fixed; those meant for other audiences are marked (and hidden
 * unless asked for).
 */
export function BankPicker({
  open,
  audience,
  questions,
  onAdd,
  onClose,
}: {
  open: boolean;
  audience: RespondentAudience | null;
  questions: readonly Question[];
  onAdd: (questions: Question[]) => void;
  onClose: () => void;
}) {
  const { t } = useResearchTranslation();
  const { t: tc } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [picked, setPicked] = useState<string[]>([]);
  const [scope, setScope] = useState<'audience' | 'all'>('audience');
  const present = new Set(questions.map((question) => question.key));
  const fits = (entry: BankQuestion) => audience === null || entry.audiences.includes(audience);
  const groups = bankByTopic()
    .map((group) => ({ ...group, entries: group.entries.filter((entry) => scope === 'all' || fits(entry)) }))
    .filter((group) => group.entries.length > 0);

  const close = () => {
    setPicked([]);
    onClose();
  };
  const add = () => {
    onAdd(QUESTION_BANK.filter((entry) => picked.includes(entry.question.key)).map((entry) => entry.question));
    setPicked([]);
  };

  return (
    <Drawer
      open={open}
      onClose={close}
      title={t('bank.title')}
      size={screens.md ? 560 : '100%'}
      destroyOnHidden
      data-testid="bank-picker"
      footer={
        <div className="gz-drawer-footer">
          <Button onClick={close}>{tc('common.cancel')}</Button>
          <Button type="primary" disabled={picked.length === 0} onClick={add} data-testid="bank-add">
            {t('bank.addPicked', { count: picked.length })}
          </Button>
        </div>
      }
    >
      <Segmented<'audience' | 'all'>
        block
        value={scope}
        onChange={setScope}
        options={[
          { value: 'audience', label: t('bank.forAudience') },
          { value: 'all', label: t('bank.all') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {groups.map((group) => (
        <section key={group.topic} className="gz-bank-topic" data-topic={group.topic}>
          <h3 className="gz-bank-topic-title">{group.topic}</h3>
          <ul className="gz-plain-list">
            {group.entries.map((entry) => {
              const key = entry.question.key;
              const isPresent = present.has(key);
              return (
                <li key={key} className={`gz-bank-item ${isPresent ? 'is-present' : ''}`} data-bank-key={key}>
                  <Checkbox
                    checked={isPresent || picked.includes(key)}
                    disabled={isPresent}
                    onChange={(event) =>
                      setPicked((current) =>
                        event.target.checked ? [...current, key] : current.filter((item) => item !== key),
                      )
                    }
                  >
                    <span className="gz-bank-question">{entry.question.text}</span>
                  </Checkbox>
                  <div className="gz-bank-meta">
                    <QuestionSummary question={entry.question} compact />
                    {isPresent ? <Tag variant="outlined">{t('bank.present')}</Tag> : null}
                    {!fits(entry) ? (
                      <Tag color="orange" variant="outlined">
                        {t('bank.otherAudience')}
                      </Tag>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </Drawer>
  );
}
