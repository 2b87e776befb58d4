/**
 * `npm start`: the whole of Gongzhi on one port. Data stays under `.data/` between runs; delete the folder to
 * start over with fresh demo data.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_RESIDENTS, DEMO_STAFF } from './demo-data';
import { ensureH5Build, H5_DIR, ROOT } from './app-build';
import { startLocal } from './server';
import { logger } from '../src/http/logger';
import { newTokenPrivateKeyPem } from '../src/http/token-keys';

/**
 * The key that signs access tokens locally: made at random on first start and kept with the data (readable by
 * this user only), so tokens survive a restart and no key in the repository can mint them.
 */
const localTokenKey = (dataRoot: string): string => {
  const file = join(dataRoot, 'token-key.pem');
  if (!existsSync(file)) writeFileSync(file, newTokenPrivateKeyPem(), { mode: 0o600, flag: 'wx' });
  return readFileSync(file, 'utf8');
};

const main = async () => {
  // Request log lines are for AWS; here they would bury the address. `POWERTOOLS_LOG_LEVEL=INFO npm start` shows them.
  logger.setLogLevel((process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN') as 'WARN');
  // Lambda runs Node.js 22; the SDK's reminder that Node 20 support ends is noise for a local run.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const port = Number(process.env.PORT ?? 3000);
  const dataDir = join(ROOT, '.data', 'dynalite');
  mkdirSync(dataDir, { recursive: true });
  const s3Dir = join(ROOT, '.data', 's3');
  mkdirSync(s3Dir, { recursive: true });
  process.env.TOKEN_PRIVATE_KEY ??= localTokenKey(join(ROOT, '.data'));
  // No WeChat here: what the notifier would send is written, one JSON line per message, to this file.
  process.env.NOTIFICATIONS_LOG ??= join(ROOT, '.data', 'notifications.log');
  ensureH5Build();
  const app = await startLocal({ port, host: process.env.HOST ?? '127.0.0.1', dataDir, s3Dir, h5Dir: H5_DIR, jobs: true, demoHistory: true });
  console.log(
    [
      '',
      `  Gongzhi 共治 is running at ${app.url}`,
      `  ${app.demoLoaded ? 'Demo data loaded' : 'Demo data already present'} (data in .data/; delete it to start over).`,
      `  Residents: sign in as ${DEMO_RESIDENTS.join(' / ')} (or any name).`,
      `  Committee admin page: ${app.url}/#/packages/admin/login/index — ${DEMO_STAFF.map((s) => `${s.username} / ${s.password}`).join(', ')}`,
      '  Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping…');
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
