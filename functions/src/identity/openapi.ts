import type { identityApi } from '../../../shared/api/identity';
import type { Handler } from '../http/route';

/** The published contract (placeholder until the generator lands). */
export const openapi: Handler<typeof identityApi.openapi> = async () => ({ openapi: '3.1.0', info: {}, paths: {} });
