export * from './roles';
export * from './feedback/status';
export * from './feedback/categories';
export * from './feedback/replies';
export * from './feedback/contact';
export * from './feedback/stats';
export * from './feedback/targets';
export * from './api';
