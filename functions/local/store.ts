import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

export interface LocalStore {
  endpoint: string;
  close(): Promise<void>;
}

/**
 * Starts dynalite (the DynamoDB API on LevelDB) on a loopback port. With `path` the data lives on disk and
 * survives restarts; without it, in memory (tests). Tables become ACTIVE at once.
 */
export const startStore = async (opts: { path?: string; port?: number } = {}): Promise<LocalStore> => {
  const server = dynalite({ path: opts.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  server.listen(opts.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
};
