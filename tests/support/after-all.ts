import { Harness } from './harness';

// A real gateway, middy and dynalite with the demo community start per file: on a busy 2-core machine that can
// take longer than jest's 5 s default for a hook. (A file that needs longer sets its own, after this.)
jest.setTimeout(30_000);

// Whatever a test file started and did not stop (a beforeAll that timed out while its harness was starting) is
// stopped here, so jest exits when the run is over.
afterAll(() => Harness.closeAll());
