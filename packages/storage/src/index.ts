export { createFileStore, type FileStore, type StoredFile } from './file-store';
export { createS3Store, type S3StoreOptions } from './s3-store';
export { createStore, describeStore, storeConfigFromEnv, storeConfigOf, storeEnvShape, type StoreConfig } from './store-config';
export { defaultFilesDir, findRepoRoot } from './default-dir';
