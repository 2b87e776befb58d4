/**
 * The request path alone in a process of its own, for tests that kill it: the local gateway and every handler
 * against a store that runs elsewhere (`tsx tests/support/gateway-process.ts <storeEndpoint>`). It prints one
 * JSON line with its URL, then serves until it is stopped.
 */
import { logger } from '../../functions/src/http/logger';
import { startLocal } from '../../functions/local/server';

logger.setLogLevel('SILENT');
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

void (async () => {
  const app = await startLocal({ port: 0, storeEndpoint: process.argv[2] });
  process.stdout.write(`${JSON.stringify({ url: app.url })}\n`);
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
})();
