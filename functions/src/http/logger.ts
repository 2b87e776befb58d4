import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one structured JSON logger. Log lines carry ids, routes, statuses and timings: never names, phone numbers,
 * free text from residents or tokens.
 */
export const logger = new Logger({ serviceName: 'gongzhi' });
