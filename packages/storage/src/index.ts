export { createFileStore, type FileStore, type StoredFile } from './file-store';
