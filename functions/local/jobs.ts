import type { Job } from '../src/http/route';
import { logger } from '../src/http/logger';

/**
 * The local stand-in for the schedules CDK creates from the job table: each job runs once at start and then
 * every `everyMinutes` (or `GONGZHI_JOB_INTERVAL_MS` for all, to watch deadlines pass in a demo). A run that is
 * still going is not started again; a failing run is logged and tried at the next tick.
 */
export const startJobRunner = (jobs: readonly Job[], intervalOverrideMs = Number(process.env.GONGZHI_JOB_INTERVAL_MS) || undefined) => {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<string>();
  const run = async (job: Job) => {
    if (running.has(job.name)) return;
    running.add(job.name);
    try {
      const changed = await job.run(new Date());
      if (changed > 0) logger.info('job done', { job: job.name, changed });
    } catch (err) {
      logger.error('job failed', { job: job.name, error: err as Error });
    } finally {
      running.delete(job.name);
    }
  };
  for (const job of jobs) {
    void run(job);
    const timer = setInterval(() => void run(job), intervalOverrideMs ?? job.everyMinutes * 60_000);
    timer.unref();
    timers.push(timer);
  }
  return {
    stop: async () => {
      timers.forEach(clearInterval);
      while (running.size > 0) await new Promise((r) => setTimeout(r, 20));
    },
  };
};
