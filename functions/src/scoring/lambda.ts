import { makeContextHandler } from '../http/stack';
import { scoringJobs, scoringRoutes } from './routes';

/** The scoring Lambda's entry point. */
export const handler = makeContextHandler(scoringRoutes, scoringJobs);
