import { makeContextHandler } from '../http/stack';
import { stewardsJobs, stewardsRoutes } from './routes';

/** The stewards Lambda's entry point. */
export const handler = makeContextHandler(stewardsRoutes, stewardsJobs);
