/**
 * The processes under measurement, each started by run.ts with an IPC channel. `store`: dynalite alone.
 * `gateway <storeEndpoint>`: the local gateway and every handler, using that store. Each sends its address once,
 * answers `cpu` with the CPU milliseconds it has used so far (so the bench reports CPU per request of each
 * process), and exits when the channel closes or on SIGTERM: it never outlives the bench.
 */
import { logger } from '../../functions/src/http/logger';
import { startLocal } from '../../functions/local/server';
import { startStore } from '../../functions/local/store';

logger.setLogLevel('SILENT');
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const serve = async () => {
  const [role, storeEndpoint] = process.argv.slice(2);
  const running =
    role === 'store'
      ? await startStore().then((s) => ({ address: { storeEndpoint: s.endpoint }, close: s.close }))
      : await startLocal({ port: 0, storeEndpoint }).then((a) => ({ address: { url: a.url.replace('localhost', '127.0.0.1') }, close: a.close }));
  const stop = () => void running.close().finally(() => process.exit(0));
  process.on('message', (m) => {
    if (m === 'cpu') process.send!({ cpuMs: cpuMs() });
  });
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  process.send!({ address: running.address });
};

void serve();
