import { Form, Input, Modal } from 'antd';
import { type ReactNode } from 'react';
import { validValues } from '../lib/forms';
import { ErrorAlert } from './error-state';

export interface ReasonModalProps {
  /** The form's name (field ids are `<name>_reason`). */
  name: string;
  /** Texts in the feature's own words: the title, the field's label, the buttons, the required message. */
  labels: { title: string; reason: string; submit: string; cancel: string; required: string };
  maxLength: number;
  /** Sends the trimmed reason; a rejection stays open with the error shown above the form. */
  onSubmit: (reason: string) => Promise<unknown>;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  /** What is being withdrawn, shown above the field. */
  children?: ReactNode;
}

/** Asks why (a withdrawal's reason) before an action that keeps the record but takes it out of the count. */
export function ReasonModal({ name, labels, maxLength, onSubmit, pending, error, onClose, children }: ReasonModalProps) {
  const [form] = Form.useForm<{ reason: string }>();
  const submit = async () => {
    const values = await validValues(form);
    if (!values) return;
    try {
      await onSubmit(values.reason.trim());
      onClose();
    } catch {
      // Shown above the form.
    }
  };
  return (
    <Modal open title={labels.title} onCancel={onClose} onOk={() => void submit()} okText={labels.submit} cancelText={labels.cancel} confirmLoading={pending} destroyOnHidden>
      {error ? <ErrorAlert error={error} compact /> : null}
      {children}
      <Form form={form} name={name} layout="vertical">
        <Form.Item name="reason" label={labels.reason} rules={[{ required: true, whitespace: true, message: labels.required }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={maxLength} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
