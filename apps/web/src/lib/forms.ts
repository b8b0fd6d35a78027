import type { FormInstance } from 'antd';

/**
 * The form's values once every rule passes; null when one fails. antd shows the failing rules on
 * the fields itself and rejects `validateFields()` with a plain object, which, unhandled, is an
 * uncaught rejection in the page.
 */
export async function validValues<Values>(form: FormInstance<Values>): Promise<Values | null> {
  try {
    return await form.validateFields();
  } catch {
    return null;
  }
}
