import type { Page } from 'playwright-core';
import { DOCX_MIME, makeDocx } from '@gongzhi/testing';

/** Waits for text to appear (live updates, workflow round trips): generous, since Temporal is real. */
export async function waitForText(page: Page, text: string | RegExp, timeout = 30_000): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout });
}

/** 我的任务 → the task with this title in this engagement (other engagements may have the same task). */
export async function openMyTask(page: Page, baseUrl: string, engagementName: string, taskTitle: string): Promise<string> {
  await page.goto(`${baseUrl}/tasks`);
  const row = page.locator('tbody tr[data-task-id]').filter({ hasText: engagementName }).filter({ has: page.getByRole('link', { name: taskTitle, exact: true }) });
  await row.first().waitFor({ timeout: 60_000 });
  await row.first().getByRole('link', { name: taskTitle, exact: true }).click();
  await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { name: taskTitle }).waitFor();
  return page.url().split('/').at(-1) as string;
}

/**
 * Uploads a .docx for the task's deliverable and waits until the page lists it as the file the
 * submission will send; `noteToReviewer` goes in the task form's note for the partner.
 */
export async function uploadFile(page: Page, fileName: string, text: string, noteToReviewer?: string): Promise<void> {
  const panel = page.getByTestId('upload-file');
  await panel.locator('input[type=file]').setInputFiles({ name: fileName, mimeType: DOCX_MIME, buffer: makeDocx(text) });
  await panel.getByText(fileName).waitFor();
  await panel.getByTestId('upload-submit').click();
  await page.getByTestId('pending-uploads').locator('li').first().filter({ hasText: fileName }).getByTestId('upload-to-submit').waitFor({ timeout: 30_000 });
  if (noteToReviewer) await page.getByLabel('致审阅人的说明（选填）').fill(noteToReviewer);
}

/** Picks an option of an antd Select by its visible text. */
export async function choose(page: Page, label: string, optionText: string): Promise<void> {
  // Labels of optional fields carry antd's "（可选）" mark: match the label's start.
  const control = page.getByLabel(new RegExp(`^${label}`));
  // The chosen option shows in the field (the dropdown itself is rendered elsewhere in the page).
  const field = page.locator('.ant-form-item').filter({ has: control });
  // A click that lands while the dropdown is still opening can leave the field empty, and a live
  // update that re-renders the form can close the dropdown under the pointer: choose again.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await control.click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: optionText }).first().click({ timeout: 5_000 });
      await field.getByText(optionText).filter({ visible: true }).first().waitFor({ timeout: 2_000 });
      return;
    } catch (error) {
      if (attempt === 4) throw error;
    }
  }
}

/** Submits the task form and waits for the workflow's answer. */
export async function submitTask(page: Page, buttonName: string | RegExp, confirmation: string | RegExp): Promise<void> {
  await page.getByTestId('task-submit').filter({ hasText: buttonName }).click();
  await waitForText(page, confirmation, 60_000);
}

/** Whether the page fits the screen's width: nothing runs off sideways (a phone's first complaint). */
export const hasNoSidewaysScroll = (page: Page): Promise<boolean> => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
