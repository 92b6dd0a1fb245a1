import { cachedSecret, type CachedSecret } from '@tollgate/runtime-kit';
import { parseRdsSecret, type RdsCredentials } from './database-config.js';

/**
 * The RDS secret named by DB_SECRET_ID, parsed, through the runtime kit's cache: pg asks for the
 * password on every new connection, so a rotated secret is picked up within `maxAgeMs`.
 */
export function rdsCredentials(secretId: string): CachedSecret<RdsCredentials> {
  return cachedSecret({ secretId, parse: parseRdsSecret });
}
