import type { AppConfig } from '../config/config.js';
import { ConfigError } from '../config/config.js';

/** One line that says why the service could not start, without echoing secrets. */
export function describeStartupError(error: unknown, config: Pick<AppConfig, 'databaseUrl'>): string {
  if (error instanceof ConfigError) return error.message;
  const e = error as NodeJS.ErrnoException & { driverError?: { message?: string }; errors?: NodeJS.ErrnoException[] };
  const target = config.databaseUrl ? redact(config.databaseUrl) : 'the embedded database';
  const code = e.code ?? e.errors?.[0]?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === 'EAI_AGAIN') {
    return `could not connect to ${target} (${code})`;
  }
  if (code === '3D000' || code === '28P01' || code === '28000') return `${target}: ${e.message}`;
  return e.message || String(error);
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
