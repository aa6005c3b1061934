export * from './define';
export * from './store';
export * from './run';
