export { api } from '../../../shared/api';
export * from './client';
export * from './errors';
export * from './session';
