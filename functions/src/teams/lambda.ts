import { makeContextHandler } from '../http/stack';
import { teamsJobs, teamsRoutes } from './routes';

/** The teams Lambda's entry point. */
export const handler = makeContextHandler(teamsRoutes, teamsJobs);
