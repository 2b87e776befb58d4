import { makeContextHandler } from '../http/stack';
import { feedbackJobs, feedbackRoutes } from './routes';

/** The feedback Lambda's entry point. */
export const handler = makeContextHandler(feedbackRoutes, feedbackJobs);
