export * from './tickets';
export * from './figures';
