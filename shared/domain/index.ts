export * from './model';
export * from './calendars';
export * from './stages';
