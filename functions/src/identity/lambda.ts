import { makeContextHandler } from '../http/stack';
import { identityRoutes } from './routes';

/** The identity Lambda's entry point. */
export const handler = makeContextHandler(identityRoutes);
