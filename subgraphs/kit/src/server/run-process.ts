import { ConfigError } from './config';
import { createLogger, type Logger, type LogLevel } from './logger';

export interface ProcessSpec<C extends { logLevel: LogLevel }> {
  /** The process in its logs: `hub`, `node`. */
  name: string;
  /** Reads the configuration; a ConfigError stops the process with its one-line message. */
  load(env: NodeJS.ProcessEnv): C;
  start(config: C, logger: Logger): Promise<{ url: string; close(): Promise<void> }>;
  /** Fields logged with the address once listening (the commune, its endpoints). */
  describe?(config: C, url: string): Record<string, unknown>;
}

/**
 * The entry point of a hub or a node process: configuration from the environment, start, one
 * log line where it listens, and on SIGINT or SIGTERM a graceful drain then exit 0.
 */
export async function runProcess<C extends { logLevel: LogLevel }>(
  spec: ProcessSpec<C>,
): Promise<void> {
  let config: C;
  try {
    config = spec.load(process.env);
  } catch (error: unknown) {
    // Before the logger exists: its level is part of what failed to load.
    const text =
      error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error));
    process.stderr.write(`${text}\n`);
    process.exit(1);
  }
  const logger = createLogger({ level: config.logLevel, name: spec.name });
  let running: Awaited<ReturnType<ProcessSpec<C>['start']>>;
  try {
    running = await spec.start(config, logger);
  } catch (error: unknown) {
    logger.error({ err: error }, `${spec.name} failed to start`);
    process.exit(1);
  }
  logger.info(
    { url: running.url, ...spec.describe?.(config, running.url) },
    `${spec.name} listening`,
  );
  const stop = (signal: NodeJS.Signals) => {
    logger.info({ signal }, `${spec.name} stopping: letting requests in flight finish`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, `${spec.name} failed to stop cleanly`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
