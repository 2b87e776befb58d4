import type { identityApi } from '../../../shared/api/identity';
import type { OpenApiDoc } from '../../../shared/api/openapi';
import type { Handler } from '../http/route';

let published: Promise<OpenApiDoc> | undefined;

/**
 * The published contract, built from every context's endpoint contracts once per process, on first call. They are
 * imported then too: building all contexts' zod schemas when the identity function starts (which serves none of
 * them) cost ~35 ms of CPU on every cold start.
 */
export const openapi: Handler<typeof identityApi.openapi> = () =>
  (published ??= Promise.all([import('../../../shared/api'), import('../../../shared/api/openapi')]).then(
    ([{ api }, { openApiDocument }]) => openApiDocument(api),
  ));
