import { makeContextHandler } from '../http/stack';
import { councilJobs, councilRoutes } from './routes';

/** The council Lambda's entry point. */
export const handler = makeContextHandler(councilRoutes, councilJobs);
