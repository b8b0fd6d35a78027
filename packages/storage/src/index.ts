export { createFileStore, type FileStore, type StoredFile } from './file-store';
export { defaultFilesDir, findRepoRoot } from './default-dir';
