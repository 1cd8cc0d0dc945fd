import { writeSync } from 'node:fs';

/**
 * Structured JSON logging. Fields whose names look like credentials or shopper PII are
 * replaced before a line is written, so a careless `log.info('x', { headers })` cannot leak.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

const SENSITIVE_KEY =
  /token|secret|password|authorization|cookie|hmac|signature|email|phone|address|first_?name|last_?name|^name$|customer|ip$/i;

export function redactFields(value: unknown, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactFields(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = SENSITIVE_KEY.test(key) ? '[redacted]' : redactFields(inner, depth + 1);
  }
  return out;
}

/**
 * `write` receives each line as it is logged (tests collect them). By default lines go to stdout
 * through one shared buffer: a request appends to it and moves on, and the buffer is written once
 * per event-loop turn (or at 64 KB), so logging never waits on stdout on a hot path.
 */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = writeToStdout,
  base: LogFields = {},
): Logger {
  const threshold = LEVELS[level];
  const emit = (lvl: Exclude<LogLevel, 'silent'>, message: string, fields?: LogFields) => {
    if (LEVELS[lvl] < threshold) return;
    const record = { time: new Date().toISOString(), level: lvl, msg: message, ...base, ...fields };
    write(JSON.stringify(redactFields(record)));
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (fields) => createLogger(level, write, { ...base, ...fields }),
  };
}

const FLUSH_AT_BYTES = 64 * 1024;
let buffered: string[] = [];
let bufferedBytes = 0;
let flushScheduled = false;
let exiting = false;

function writeToStdout(line: string) {
  if (exiting) {
    // Exit handlers run after the last flush; nothing asynchronous happens any more.
    writeSync(process.stdout.fd, `${line}\n`);
    return;
  }
  if (buffered.length === 0 && !flushScheduled) watchExit();
  buffered.push(line);
  bufferedBytes += line.length;
  if (bufferedBytes >= FLUSH_AT_BYTES) flushStdout();
  else if (!flushScheduled) {
    flushScheduled = true;
    setImmediate(flushStdout);
  }
}

/** Writes what is buffered (at the end of the turn, or at once when the buffer is large). */
export function flushStdout() {
  flushScheduled = false;
  if (buffered.length === 0) return;
  const chunk = `${buffered.join('\n')}\n`;
  buffered = [];
  bufferedBytes = 0;
  if (exiting) writeSync(process.stdout.fd, chunk);
  else process.stdout.write(chunk);
}

let watching = false;
function watchExit() {
  if (watching) return;
  watching = true;
  // Lines logged just before an exit (a refused start, a crash) must still reach stdout.
  process.once('exit', () => {
    exiting = true;
    flushStdout();
  });
}
