import 'reflect-metadata';

export * from './admin-units';
export * from './config';
export * from './errors';
export * from './federation';
export * from './identifiers';
export * from './logger';
export * from './orm';
export * from './pagination';
export * from './scalars';
export * from './shared-types';
export * from './subgraph';
export * from './time';
export * from './shutdown';
export * from './telemetry';
export * from './seed/identities';
export * from './seed/random';
export * from './project-root';
