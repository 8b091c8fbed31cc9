/**
 * One structured JSON line per request, with nothing personal: no bodies, no query values,
 * no tokens, only the route template, the caller's role, the status and the time taken.
 */
export interface RequestLog {
  readonly requestId: string;
  readonly route: string;
  readonly role: string;
  readonly status: number;
  readonly latencyMs: number;
  readonly code?: string;
  readonly error?: string;
}

export function logRequest(entry: RequestLog): void {
  const level = entry.status >= 500 ? 'ERROR' : 'INFO';
  process.stdout.write(
    `${JSON.stringify({ level, message: 'request', timestamp: new Date().toISOString(), ...entry })}\n`,
  );
}

/** A structured warning: something went wrong that the caller's answer does not show. */
export function logWarning(message: string, fields: Record<string, string> = {}): void {
  process.stdout.write(
    `${JSON.stringify({ level: 'WARN', message, timestamp: new Date().toISOString(), ...fields })}\n`,
  );
}
