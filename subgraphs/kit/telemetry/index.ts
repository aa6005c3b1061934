export * from './metrics';
export * from './request-context';
export * from './request-log';
export * from './tracing';
