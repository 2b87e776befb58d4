import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Stands in for `@aws-sdk/credential-provider-node` inside the Lambda bundles only (see bundling.ts). Lambda puts
 * the function role's credentials in the environment, so the rest of the default chain (SSO, INI files, process,
 * web identity, IMDS, ECS, and the STS/SSO clients they carry) is dead weight that every cold start would compile.
 * Local runs and tests do not use the bundles and keep the SDK's full chain.
 */
export const defaultProvider: typeof fromEnv = (init) => fromEnv(init);
