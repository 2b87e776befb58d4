/** The system under measurement, in its own process: dynalite in memory + the local gateway + the handlers. */
import { startLocal } from '../../functions/local/server';

process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
startLocal({ port: 0 }).then((app) => {
  process.stdout.write(`${JSON.stringify({ url: app.url, storeEndpoint: app.storeEndpoint })}\n`);
  process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
});
