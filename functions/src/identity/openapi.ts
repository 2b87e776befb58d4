import { api } from '../../../shared/api';
import type { identityApi } from '../../../shared/api/identity';
import { openApiDocument, type OpenApiDoc } from '../../../shared/api/openapi';
import type { Handler } from '../http/route';

let published: OpenApiDoc | undefined;

/** The published contract, built from the endpoint contracts once per process (on first call, not at cold start). */
export const openapi: Handler<typeof identityApi.openapi> = async () => (published ??= openApiDocument(api));
