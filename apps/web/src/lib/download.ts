/**
 * Hands a file to the browser as a download: one fetched through the API client, or one the page
 * made itself (the questionnaire links' CSV).
 */
export function saveDownloadedFile(file: { blob: Blob; fileName?: string | null }, fallbackName: string): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download manager; keep it a moment for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
