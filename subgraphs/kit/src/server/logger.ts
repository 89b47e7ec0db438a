import pino from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * What library code logs through: structured fields first (`{ err }` for an error), then a
 * message. Passed in options; library code never writes to the console itself.
 */
export interface Logger {
  debug(fields: object | string, message?: string): void;
  info(fields: object | string, message?: string): void;
  warn(fields: object | string, message?: string): void;
  error(fields: object | string, message?: string): void;
  /** The same logger with these fields on every line (`{ subgraph: 'directory' }`). */
  child(bindings: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** The process: `hub`, `node`. */
  name?: string;
  /** Where JSON lines go; stdout unless given. */
  destination?: { write(line: string): void };
}

/** A pino logger writing one JSON object per line, to stdout by default. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const settings = {
    level: options.level ?? 'info',
    ...(options.name ? { name: options.name } : {}),
  };
  return adapt(options.destination ? pino(settings, options.destination) : pino(settings));
}

/** Logs nothing: for tests that assert on responses, not on logs. */
export const silentLogger: Logger = createLogger({ level: 'silent' });

export interface LogEntry {
  level: number;
  msg?: string;
  [field: string]: unknown;
}

/** Keeps every line in memory, parsed, for tests that assert on what was logged. */
export function recordingLogger(): Logger & { readonly entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const logger = createLogger({
    level: 'trace',
    destination: { write: (line) => entries.push(JSON.parse(line) as LogEntry) },
  });
  return Object.assign(logger, { entries });
}

function adapt(logger: pino.Logger): Logger {
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (fields: object | string, message?: string): void => {
      if (typeof fields === 'string') logger[level](fields);
      else logger[level](fields, message);
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (bindings) => adapt(logger.child(bindings)),
  };
}
