/** The system under measurement, in its own process: dynalite in memory + the local gateway + the handlers. */
import { startLocal } from '../../functions/local/server';

import { logger } from '../../functions/src/http/logger';

logger.setLogLevel('SILENT');
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
startLocal({ port: 0 }).then((app) => {
  process.stdout.write(`${JSON.stringify({ url: app.url, storeEndpoint: app.storeEndpoint })}\n`);
  process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
});
