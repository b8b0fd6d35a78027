import {
  DELEGATION_STATUSES,
  type KnowledgeKind,
  LAW_LEVELS,
  POWER_CATEGORIES,
  POWER_HOLDERS,
  type Provision,
  SOURCE_KEYS,
} from '@gongzhi/domain';
import {
  Button,
  Checkbox,
  Col,
  Flex,
  Form,
  type FormListFieldData,
  Input,
  InputNumber,
  Row,
  Select,
  Tooltip,
} from 'antd';
import type { ReactNode } from 'react';
import { Icon } from '../../../components/icons';
import { useLocalized } from '../../../lib/i18n';
import { entriesOfKind, type KnowledgeDirectory } from '../api/directory';
import { formatArticle } from '../utils/article-label';
import { translateOr } from '../utils/use-knowledge-translation';
import { pruneEmpty } from '../utils/normalize';
import { ProvisionCitation } from './knowledge-bits';
import { useKnowledgeTranslation } from '../utils/use-knowledge-translation';

type Path = (string | number)[];
export type EditorMode = 'create' | 'revise' | 'adapt';

/** Separators people type between tags: comma, the Chinese comma and the enumeration comma. */
const TAG_SEPARATORS = [',', '\uff0c', '\u3001', '\n'];

function useRequired(label: string) {
  const { t } = useKnowledgeTranslation();
  return [{ required: true, whitespace: true, message: t('editor.required', { field: label }) }];
}

function TextItem({
  name,
  label,
  required,
  textarea,
  disabled,
  hint,
  placeholder,
}: {
  name: Path;
  label: string;
  required?: boolean;
  textarea?: boolean;
  disabled?: boolean;
  hint?: ReactNode;
  placeholder?: string;
}) {
  const rules = useRequired(label);
  return (
    <Form.Item name={name} label={label} rules={required ? rules : undefined} extra={hint} data-field={name.join('.')}>
      {textarea ? (
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 14 }} disabled={disabled} placeholder={placeholder} />
      ) : (
        <Input disabled={disabled} placeholder={placeholder} />
      )}
    </Form.Item>
  );
}

function TagsItem({
  name,
  label,
  placeholder,
  hint,
}: {
  name: Path;
  label: string;
  placeholder?: string;
  hint?: ReactNode;
}) {
  const { t } = useKnowledgeTranslation();
  return (
    <Form.Item name={name} label={label} extra={hint} data-field={name.join('.')}>
      <Select
        mode="tags"
        tokenSeparators={TAG_SEPARATORS}
        open={false}
        suffix={null}
        placeholder={placeholder ?? t('editor.tagsPlaceholder')}
        aria-label={label}
      />
    </Form.Item>
  );
}

function FlagItem({ name, label, hint, field }: { name: Path; label: string; hint?: string; field?: Path }) {
  return (
    <Form.Item
      name={name}
      valuePropName="checked"
      extra={hint}
      className="gz-kb-flag"
      data-field={(field ?? name).join('.')}
    >
      <Checkbox>{label}</Checkbox>
    </Form.Item>
  );
}

function SelectItem({
  name,
  label,
  options,
  required,
  multiple,
  disabled,
}: {
  name: Path;
  label: string;
  options: { value: string | number; label: string }[];
  required?: boolean;
  multiple?: boolean;
  disabled?: boolean;
}) {
  const rules = useRequired(label);
  return (
    <Form.Item
      name={name}
      label={label}
      rules={required ? [{ required: true, message: rules[0]?.message }] : undefined}
      data-field={name.join('.')}
    >
      <Select
        options={options}
        mode={multiple ? 'multiple' : undefined}
        allowClear={!required}
        showSearch={{ optionFilterProp: 'label' }}
        disabled={disabled}
        aria-label={label}
        placeholder={label}
      />
    </Form.Item>
  );
}

function NumberItem({
  name,
  label,
  required,
  disabled,
  field,
}: {
  name: Path;
  label: string;
  required?: boolean;
  disabled?: boolean;
  field?: Path;
}) {
  const rules = useRequired(label);
  return (
    <Form.Item
      name={name}
      label={label}
      rules={required ? [{ required: true, message: rules[0]?.message }] : undefined}
      className="gz-kb-number"
      data-field={(field ?? name).join('.')}
    >
      <InputNumber min={1} precision={0} disabled={disabled} aria-label={label} />
    </Form.Item>
  );
}

/** The head of one item of a list: what it is, and buttons to move or remove it. */
function ItemHead({
  title,
  index,
  count,
  move,
  remove,
}: {
  title: ReactNode;
  index: number;
  count: number;
  move?: (from: number, to: number) => void;
  remove: () => void;
}) {
  const { t } = useKnowledgeTranslation();
  return (
    <div className="gz-kb-edit-item-head">
      <span className="gz-kb-edit-item-title">{title}</span>
      <Flex gap={2}>
        {move ? (
          <>
            <Tooltip title={t('editor.moveUp')}>
              <Button
                size="small"
                type="text"
                icon={<Icon name="up" />}
                disabled={index === 0}
                onClick={() => move(index, index - 1)}
                aria-label={t('editor.moveUp')}
              />
            </Tooltip>
            <Tooltip title={t('editor.moveDown')}>
              <Button
                size="small"
                type="text"
                icon={<Icon name="down" />}
                disabled={index === count - 1}
                onClick={() => move(index, index + 1)}
                aria-label={t('editor.moveDown')}
              />
            </Tooltip>
          </>
        ) : null}
        <Tooltip title={t('editor.remove')}>
          <Button
            size="small"
            type="text"
            danger
            icon={<Icon name="trash" />}
            onClick={remove}
            aria-label={t('editor.remove')}
          />
        </Tooltip>
      </Flex>
    </div>
  );
}

/**
 * 条、之、至第…条、款、项 of a provision or an excerpt, side by side. `prefix` names the fields within
 * their list item; `path` is where they sit in the whole content (for `data-field`).
 */
function ArticleNumbers({ prefix, path, articleRequired }: { prefix: Path; path: Path; articleRequired?: boolean }) {
  const { t } = useKnowledgeTranslation();
  return (
    <Flex gap={8} wrap className="gz-kb-numbers">
      {(['article', 'articleSub', 'articleTo', 'paragraph', 'item'] as const).map((part) => (
        <NumberItem
          key={part}
          name={[...prefix, part]}
          field={[...path, part]}
          label={t(`editor.numbers.${part}`)}
          required={part === 'article' && articleRequired}
        />
      ))}
    </Flex>
  );
}

/** The citation a provision's fields make, as documents will print it. */
function ProvisionPreview({ path, directory }: { path: Path; directory: KnowledgeDirectory }) {
  const { t } = useKnowledgeTranslation();
  const form = Form.useFormInstance();
  const value = Form.useWatch(path, form) as Partial<Provision> | undefined;
  if (!value?.lawKey) return <span className="gz-muted">{t('editor.provisionEmpty')}</span>;
  return <ProvisionCitation provision={pruneEmpty(value) as Provision} directory={directory} />;
}

function ProvisionFields({
  prefix,
  path,
  directory,
  lawRequired = true,
}: {
  prefix: Path;
  path: Path;
  directory: KnowledgeDirectory;
  lawRequired?: boolean;
}) {
  const { t } = useKnowledgeTranslation();
  const laws = entriesOfKind(directory, 'law').map((law) => ({ value: law.key, label: law.title }));
  const lawLabel = t('fields.lawKey');
  const rules = useRequired(lawLabel);
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} lg={12}>
          <Form.Item
            name={[...prefix, 'lawKey']}
            label={lawLabel}
            rules={lawRequired ? [{ required: true, message: rules[0]?.message }] : undefined}
            data-field={[...path, 'lawKey'].join('.')}
          >
            <Select
              options={laws}
              showSearch={{ optionFilterProp: 'label' }}
              allowClear={!lawRequired}
              placeholder={t('editor.chooseLaw')}
              aria-label={lawLabel}
            />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item name={[...prefix, 'note']} label={t('fields.note')} data-field={[...path, 'note'].join('.')}>
            <Input placeholder={t('editor.notePlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Flex gap={16} wrap align="flex-end">
        <ArticleNumbers prefix={prefix} path={path} />
        <FlagItem name={[...prefix, 'unverified']} field={[...path, 'unverified']} label={t('unverified')} />
      </Flex>
    </>
  );
}

/** A list of provisions (禁止性条款, 罚则条款, 法律依据…), each with its citation previewed. */
function ProvisionListField({
  name,
  label,
  directory,
  testId,
}: {
  name: Path;
  label: string;
  directory: KnowledgeDirectory;
  testId?: string;
}) {
  const { t } = useKnowledgeTranslation();
  return (
    <Form.Item label={label} className="gz-kb-list-field" data-testid={testId}>
      <Form.List name={name}>
        {(fields: FormListFieldData[], { add, remove, move }) => (
          <div className="gz-kb-edit-list">
            {fields.map((field, index) => (
              <div key={field.key} className="gz-kb-edit-item">
                <ItemHead
                  title={<ProvisionPreview path={[...name, field.name]} directory={directory} />}
                  index={index}
                  count={fields.length}
                  move={move}
                  remove={() => remove(field.name)}
                />
                <ProvisionFields prefix={[field.name]} path={[...name, field.name]} directory={directory} />
              </div>
            ))}
            <Button type="dashed" block icon={<Icon name="plus" />} onClick={() => add({})}>
              {t('editor.addProvision')}
            </Button>
          </div>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** Ordered text items: 行权流程 steps, a template's elements, a source's links. */
function StringListField({
  name,
  label,
  addLabel,
  textarea,
}: {
  name: Path;
  label: string;
  addLabel: string;
  textarea?: boolean;
}) {
  const { t } = useKnowledgeTranslation();
  return (
    <Form.Item label={label} className="gz-kb-list-field">
      <Form.List name={name}>
        {(fields: FormListFieldData[], { add, remove, move }) => (
          <div className="gz-kb-edit-list">
            {fields.map((field, index) => (
              <Flex key={field.key} gap={6} align="flex-start" className="gz-kb-string-item">
                <span className="gz-kb-string-index gz-num">{index + 1}</span>
                <Form.Item
                  name={field.name}
                  className="gz-kb-string-input"
                  rules={[{ required: true, whitespace: true, message: t('editor.required', { field: label }) }]}
                >
                  {textarea ? (
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} aria-label={`${label} ${index + 1}`} />
                  ) : (
                    <Input aria-label={`${label} ${index + 1}`} />
                  )}
                </Form.Item>
                <Button
                  size="small"
                  type="text"
                  icon={<Icon name="up" />}
                  disabled={index === 0}
                  onClick={() => move(index, index - 1)}
                  aria-label={t('editor.moveUp')}
                />
                <Button
                  size="small"
                  type="text"
                  icon={<Icon name="down" />}
                  disabled={index === fields.length - 1}
                  onClick={() => move(index, index + 1)}
                  aria-label={t('editor.moveDown')}
                />
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<Icon name="trash" />}
                  onClick={() => remove(field.name)}
                  aria-label={t('editor.remove')}
                />
              </Flex>
            ))}
            <Button type="dashed" block icon={<Icon name="plus" />} onClick={() => add('')}>
              {addLabel}
            </Button>
          </div>
        )}
      </Form.List>
    </Form.Item>
  );
}

function ExcerptLabel({ path }: { path: Path }) {
  const { t } = useKnowledgeTranslation();
  const { locale } = useLocalized();
  const form = Form.useFormInstance();
  const value = Form.useWatch(path, form) as { article?: number | null } | undefined;
  const label = value?.article ? formatArticle(pruneEmpty(value) as { article: number }, locale) : '';
  return <strong>{label || t('editor.newExcerpt')}</strong>;
}

/** 条文摘要: one box per cited article, its numbers and the firm's summary. */
function ExcerptsField() {
  const { t } = useKnowledgeTranslation();
  const summaryLabel = t('fields.summary');
  const rules = useRequired(summaryLabel);
  return (
    <Form.Item
      label={t('fields.excerpts')}
      className="gz-kb-list-field"
      extra={t('law.excerptsHint')}
      data-testid="excerpts-field"
    >
      <Form.List name="excerpts">
        {(fields: FormListFieldData[], { add, remove, move }) => (
          <div className="gz-kb-edit-list">
            {fields.map((field, index) => (
              <div key={field.key} className="gz-kb-edit-item" data-testid="excerpt-item">
                <ItemHead
                  title={<ExcerptLabel path={['excerpts', field.name]} />}
                  index={index}
                  count={fields.length}
                  move={move}
                  remove={() => remove(field.name)}
                />
                <Flex gap={16} wrap align="flex-end">
                  <ArticleNumbers prefix={[field.name]} path={['excerpts', field.name]} articleRequired />
                  <FlagItem
                    name={[field.name, 'unverified']}
                    field={['excerpts', field.name, 'unverified']}
                    label={t('unverified')}
                  />
                </Flex>
                <Form.Item
                  name={[field.name, 'summary']}
                  label={summaryLabel}
                  rules={rules}
                  data-field={`excerpts.${field.name}.summary`}
                >
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} />
                </Form.Item>
              </div>
            ))}
            <Button type="dashed" block icon={<Icon name="plus" />} onClick={() => add({})}>
              {t('editor.addExcerpt')}
            </Button>
          </div>
        )}
      </Form.List>
    </Form.Item>
  );
}

function useEnumOptions() {
  const { t } = useKnowledgeTranslation();
  return {
    levels: LAW_LEVELS.map((value) => ({ value, label: translateOr(t, `level.${value}`, value) })),
    sources: SOURCE_KEYS.map((value) => ({ value, label: value })),
    delegation: DELEGATION_STATUSES.map((value) => ({ value, label: translateOr(t, `delegation.${value}`, value) })),
    categories: POWER_CATEGORIES.map((value) => ({ value, label: translateOr(t, `category.${value}`, value) })),
    holders: POWER_HOLDERS.map((value) => ({ value, label: translateOr(t, `holder.${value}`, value) })),
  };
}

function KeyItem({ mode }: { mode: EditorMode }) {
  const { t } = useKnowledgeTranslation();
  return (
    <TextItem
      name={['key']}
      label={t('entry.key')}
      required
      disabled={mode !== 'create'}
      hint={mode === 'create' ? t('editor.keyHint') : t('editor.keyFixed')}
    />
  );
}

function UnverifiedItem() {
  const { t } = useKnowledgeTranslation();
  return <FlagItem name={['unverified']} label={t('editor.unverifiedEntry')} hint={t('editor.unverifiedEntryHint')} />;
}

function LawFields({ mode }: { mode: EditorMode }) {
  const { t } = useKnowledgeTranslation();
  const options = useEnumOptions();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <TextItem name={['title']} label={t('fields.title')} required />
        </Col>
        <Col xs={24} md={12}>
          <TextItem name={['shortName']} label={t('fields.shortName')} required />
        </Col>
        <Col xs={24} md={12}>
          <KeyItem mode={mode} />
        </Col>
        <Col xs={24} md={12}>
          <SelectItem name={['level']} label={t('fields.level')} options={options.levels} required />
        </Col>
        <Col xs={24} md={12}>
          <TextItem name={['issuer']} label={t('fields.issuer')} required />
        </Col>
        <Col xs={24} md={12}>
          <TextItem name={['documentNo']} label={t('fields.documentNo')} />
        </Col>
      </Row>
      <fieldset className="gz-kb-fieldset">
        <legend>{t('law.version')}</legend>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <TextItem
              name={['version', 'label']}
              label={t('fields.label')}
              required
              placeholder={t('editor.versionLabelPlaceholder')}
            />
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name={['version', 'adopted']} label={t('fields.adopted')}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name={['version', 'published']} label={t('fields.published')}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name={['version', 'effective']} label={t('fields.effective')}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <TagsItem
              name={['version', 'amended']}
              label={t('fields.amended')}
              placeholder={t('editor.datesPlaceholder')}
            />
          </Col>
        </Row>
      </fieldset>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <SelectItem name={['sourceKeys']} label={t('fields.sourceKeys')} options={options.sources} multiple />
        </Col>
        <Col xs={24} md={12}>
          <UnverifiedItem />
        </Col>
      </Row>
      <TextItem name={['notes']} label={t('fields.notes')} textarea />
      <ExcerptsField />
    </>
  );
}

function EnforcersField() {
  const { t } = useKnowledgeTranslation();
  const bodyLabel = t('fields.body');
  const rules = useRequired(bodyLabel);
  return (
    <Form.Item label={t('fields.enforcers')} className="gz-kb-list-field" extra={t('editor.enforcersHint')}>
      <Form.List name="enforcers">
        {(fields: FormListFieldData[], { add, remove, move }) => (
          <div className="gz-kb-edit-list">
            {fields.map((field, index) => (
              <div key={field.key} className="gz-kb-edit-item">
                <ItemHead
                  title={t('changes.item', { n: index + 1 })}
                  index={index}
                  count={fields.length}
                  move={move}
                  remove={() => remove(field.name)}
                />
                <Row gutter={12}>
                  <Col xs={24} md={12}>
                    <Form.Item name={[field.name, 'body']} label={bodyLabel} rules={rules}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name={[field.name, 'scope']} label={t('fields.scope')}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={18}>
                    <Form.Item name={[field.name, 'note']} label={t('fields.note')}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <FlagItem name={[field.name, 'unverified']} label={t('unverified')} />
                  </Col>
                </Row>
              </div>
            ))}
            <Button type="dashed" block icon={<Icon name="plus" />} onClick={() => add({})}>
              {t('editor.addEnforcer')}
            </Button>
          </div>
        )}
      </Form.List>
    </Form.Item>
  );
}

function ReportersField({ directory }: { directory: KnowledgeDirectory }) {
  const { t } = useKnowledgeTranslation();
  const partyLabel = t('fields.party');
  const dutyLabel = t('fields.duty');
  const partyRules = useRequired(partyLabel);
  const dutyRules = useRequired(dutyLabel);
  return (
    <Form.Item label={t('fields.reporters')} className="gz-kb-list-field">
      <Form.List name="reporters">
        {(fields: FormListFieldData[], { add, remove, move }) => (
          <div className="gz-kb-edit-list">
            {fields.map((field, index) => (
              <div key={field.key} className="gz-kb-edit-item">
                <ItemHead
                  title={t('changes.item', { n: index + 1 })}
                  index={index}
                  count={fields.length}
                  move={move}
                  remove={() => remove(field.name)}
                />
                <Form.Item name={[field.name, 'party']} label={partyLabel} rules={partyRules}>
                  <Input />
                </Form.Item>
                <Form.Item name={[field.name, 'duty']} label={dutyLabel} rules={dutyRules}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
                </Form.Item>
                <div className="gz-kb-sublabel">{t('editor.reporterBasis')}</div>
                <ProvisionFields
                  prefix={[field.name, 'basis']}
                  path={['reporters', field.name, 'basis']}
                  directory={directory}
                  lawRequired={false}
                />
              </div>
            ))}
            <Button type="dashed" block icon={<Icon name="plus" />} onClick={() => add({ party: '', duty: '' })}>
              {t('editor.addReporter')}
            </Button>
          </div>
        )}
      </Form.List>
    </Form.Item>
  );
}

function ViolationFields({ mode, directory }: { mode: EditorMode; directory: KnowledgeDirectory }) {
  const { t } = useKnowledgeTranslation();
  const options = useEnumOptions();
  return (
    <>
      <Row gutter={16}>
        <Col xs={8} md={4}>
          <NumberItem name={['no']} label={t('fields.no')} required disabled={mode !== 'create'} />
        </Col>
        <Col xs={16} md={8}>
          <KeyItem mode={mode} />
        </Col>
        <Col xs={24} md={12}>
          <TextItem name={['title']} label={t('fields.title')} required />
        </Col>
      </Row>
      <TextItem name={['description']} label={t('fields.description')} required textarea />
      <ProvisionListField
        name={['prohibitions']}
        label={t('fields.prohibitions')}
        directory={directory}
        testId="prohibitions-field"
      />
      <ProvisionListField
        name={['penalties']}
        label={t('fields.penalties')}
        directory={directory}
        testId="penalties-field"
      />
      <TextItem name={['penaltySummary']} label={t('fields.penaltySummary')} required textarea />
      <fieldset className="gz-kb-fieldset">
        <legend>{t('fields.coercion')}</legend>
        <TextItem name={['coercion', 'summary']} label={t('fields.summary')} textarea hint={t('editor.coercionHint')} />
        <ProvisionListField name={['coercion', 'basis']} label={t('fields.basis')} directory={directory} />
      </fieldset>
      <ProvisionListField name={['related']} label={t('fields.related')} directory={directory} />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <TextItem name={['enforcer']} label={t('violation.enforcer')} required />
        </Col>
        <Col xs={24} md={12}>
          <SelectItem
            name={['delegatedToStreet']}
            label={t('fields.delegatedToStreet')}
            options={options.delegation}
            required
          />
        </Col>
      </Row>
      <EnforcersField />
      <ReportersField directory={directory} />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <TagsItem name={['cooperatingDepartments']} label={t('fields.cooperatingDepartments')} />
        </Col>
        <Col xs={24} md={12}>
          <TextItem name={['complaintChannel']} label={t('fields.complaintChannel')} required />
        </Col>
        <Col xs={24} md={12}>
          <TagsItem name={['hotlineCategories', 'names']} label={t('fields.hotlineCategories')} />
        </Col>
        <Col xs={24} md={12}>
          <FlagItem
            name={['hotlineCategories', 'unverified']}
            label={t('editor.hotlineUnverified')}
            hint={t('violation.hotlineHint')}
          />
        </Col>
        <Col xs={24} md={12}>
          <SelectItem name={['sourceKeys']} label={t('fields.sourceKeys')} options={options.sources} multiple />
        </Col>
        <Col xs={24} md={12}>
          <UnverifiedItem />
        </Col>
      </Row>
      <TextItem name={['notes']} label={t('fields.notes')} textarea />
    </>
  );
}

function PowerFields({ mode, directory }: { mode: EditorMode; directory: KnowledgeDirectory }) {
  const { t } = useKnowledgeTranslation();
  const options = useEnumOptions();
  const templates = entriesOfKind(directory, 'template').map((entry) => ({ value: entry.key, label: entry.title }));
  const violations = entriesOfKind(directory, 'violation').map((entry) => ({
    value: entry.position,
    label: `${t('violationNo', { no: entry.position })} ${entry.title}`,
  }));
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <TextItem name={['title']} label={t('fields.title')} required />
        </Col>
        <Col xs={24} md={12}>
          <KeyItem mode={mode} />
        </Col>
        <Col xs={24} md={8}>
          <SelectItem name={['category']} label={t('fields.category')} options={options.categories} required />
        </Col>
        <Col xs={24} md={8}>
          <SelectItem name={['holder']} label={t('fields.holder')} options={options.holders} required />
        </Col>
        <Col xs={24} md={8}>
          <SelectItem
            name={['delegatedToStreet']}
            label={t('fields.delegatedToStreet')}
            options={options.delegation}
            required
          />
        </Col>
      </Row>
      <ProvisionListField name={['legalBasis']} label={t('fields.legalBasis')} directory={directory} />
      <StringListField name={['process']} label={t('fields.process')} addLabel={t('editor.addStep')} textarea />
      <SelectItem name={['templates']} label={t('fields.templates')} options={templates} multiple />
      <SelectItem name={['violationNos']} label={t('fields.violationNos')} options={violations} multiple />
      <UnverifiedItem />
      <TextItem name={['notes']} label={t('fields.notes')} textarea />
    </>
  );
}

function TemplateFields({ mode, directory }: { mode: EditorMode; directory: KnowledgeDirectory }) {
  const { t } = useKnowledgeTranslation();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <TextItem name={['title']} label={t('fields.title')} required />
        </Col>
        <Col xs={24} md={12}>
          <KeyItem mode={mode} />
        </Col>
      </Row>
      <TextItem name={['purpose']} label={t('fields.purpose')} required textarea />
      <StringListField
        name={['requiredElements']}
        label={t('fields.requiredElements')}
        addLabel={t('editor.addElement')}
      />
      <ProvisionListField name={['legalBasis']} label={t('fields.legalBasis')} directory={directory} />
      <UnverifiedItem />
      <TextItem name={['notes']} label={t('fields.notes')} textarea />
    </>
  );
}

function SourceFields({ mode }: { mode: EditorMode }) {
  const { t } = useKnowledgeTranslation();
  const options = useEnumOptions();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <SelectItem
            name={['key']}
            label={t('source.key')}
            options={options.sources}
            required
            disabled={mode !== 'create'}
          />
        </Col>
        <Col xs={24} md={16}>
          <FlagItem name={['weak']} label={t('source.weakShort')} hint={t('source.weak')} />
        </Col>
      </Row>
      <TextItem name={['description']} label={t('fields.description')} required textarea />
      <StringListField name={['urls']} label={t('fields.urls')} addLabel={t('editor.addUrl')} />
    </>
  );
}

/** The structured fields of an entry of this kind. */
export function KnowledgeFormFields({
  kind,
  mode,
  directory,
}: {
  kind: KnowledgeKind;
  mode: EditorMode;
  directory: KnowledgeDirectory;
}) {
  switch (kind) {
    case 'law':
      return <LawFields mode={mode} />;
    case 'violation':
      return <ViolationFields mode={mode} directory={directory} />;
    case 'power':
      return <PowerFields mode={mode} directory={directory} />;
    case 'template':
      return <TemplateFields mode={mode} directory={directory} />;
    case 'source':
      return <SourceFields mode={mode} />;
  }
}
