/**
 * A key for one attempt at a create (completing a task, recording a symposium, typing in a paper
 * form, creating a questionnaire): sent again with a retried or double-clicked request, the API
 * answers with what the first created instead of creating it twice. A new attempt takes a new key.
 */
export const newIdempotencyKey = (): string => `web-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
