/**
 * The processes under measurement. `store`: dynalite alone. `gateway <storeEndpoint>`: the local gateway and the
 * handlers, using that store. Each prints one JSON line with its address, then runs until SIGTERM.
 */
import { logger } from '../../functions/src/http/logger';
import { startLocal } from '../../functions/local/server';
import { startStore } from '../../functions/local/store';

logger.setLogLevel('SILENT');
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const serve = async () => {
  const [role, storeEndpoint] = process.argv.slice(2);
  const running =
    role === 'store'
      ? await startStore().then((s) => ({ address: { storeEndpoint: s.endpoint }, close: s.close }))
      : await startLocal({ port: 0, storeEndpoint }).then((a) => ({ address: { url: a.url }, close: a.close }));
  process.stdout.write(`${JSON.stringify(running.address)}\n`);
  process.on('SIGTERM', () => void running.close().then(() => process.exit(0)));
};

void serve();
