import { Button, Flex, Grid, Modal } from 'antd';
import { type ReactNode, type RefObject, useEffect, useRef } from 'react';
import { ErrorAlert } from '../../../components/error-state';
import { isApiError } from '../../../lib/errors';
import { useAdoptionsTranslation } from '../utils/use-adoptions-translation';

/**
 * The dialog of one step of a procedure (the vote, a revised notice, the filing): its form, the
 * API's refusal above it (a 409 says the procedure moved on, in the API's words), cancel and submit.
 */
export function StepModal({
  title,
  testId,
  submitLabel,
  pending,
  error,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  testId: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useAdoptionsTranslation();
  const screens = Grid.useBreakpoint();
  const errorRef = useRevealError(error);
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      width={screens.md ? 640 : undefined}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} data-testid={`${testId}-cancel`}>
            {t('form.cancel')}
          </Button>
          <Button type="primary" loading={pending} onClick={onSubmit} data-testid={`${testId}-submit`}>
            {submitLabel}
          </Button>
        </Flex>
      }
    >
      <div data-testid={testId}>
        {error ? (
          <div ref={errorRef} style={{ marginBottom: 12 }} data-testid={`${testId}-error`}>
            <ErrorAlert error={error} compact />
          </div>
        ) : null}
        {children}
      </div>
    </Modal>
  );
}

/**
 * The API's field errors (422) for the form's own fields, to set on them (`form.setFields`, then
 * `form.scrollToField` the first); the others are in the error shown above the form. `fieldOf`
 * maps the API's names to the form's.
 */
export function fieldErrorsOf<Field extends string>(
  error: unknown,
  fields: readonly Field[],
  fieldOf: (field: string) => string = (field) => field,
): { name: Field; errors: string[] }[] {
  if (!isApiError(error)) return [];
  const isField = (name: string): name is Field => (fields as readonly string[]).includes(name);
  return error.fieldErrors.flatMap((field) => {
    const name = fieldOf(field.field);
    return isField(name) ? [{ name, errors: [field.message] }] : [];
  });
}

/**
 * Brings a refusal into view: on a phone the submit button is far below the error shown above the
 * form. A refusal naming fields is shown on them instead (see `fieldErrorsOf`, `scrollToField`).
 */
export function useRevealError(error: unknown): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!error || (isApiError(error) && error.fieldErrors.length > 0)) return;
    ref.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [error]);
  return ref;
}
