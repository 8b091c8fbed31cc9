/** CORS for the public API: any origin may read, since no cookie ever carries credentials. */
export const CORS = {
  origin: '*',
  methods: 'GET,POST,PUT,PATCH,DELETE,OPTIONS',
  headers: 'Authorization,Content-Type,Idempotency-Key,If-Match',
  exposeHeaders: 'ETag,Location,X-Request-Id,Retry-After,Idempotent-Replayed',
  maxAge: 600,
} as const;
