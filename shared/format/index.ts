export * from './dates';
export * from './labels';
