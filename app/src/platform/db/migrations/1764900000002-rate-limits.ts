// The table rate-limiter-flexible's Postgres store keeps its counters in (ratelimit/limiters.ts), one row
// per bucket key. Created here rather than by the library at run time, so the application's database role
// needs no CREATE privilege and every API process finds the table ready. The columns are the ones the
// library's RateLimiterPostgres reads and writes (key, points, expire in epoch milliseconds).
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RateLimits1764900000002 implements MigrationInterface {
  name = 'RateLimits1764900000002';

  async up(db: QueryRunner): Promise<void> {
    // UNLOGGED: a count is updated on every API request, and writing each update to the WAL would make a
    // busy key's row wait on a disk flush every time. The price: after a crash (not a clean restart)
    // Postgres empties the table, and every budget starts afresh. Counters are worth no more than that.
    await db.query(`CREATE UNLOGGED TABLE rate_limits (
      key varchar(255) PRIMARY KEY,
      points integer NOT NULL DEFAULT 0,
      expire bigint
    )`);
    // The library's clean-up deletes rows by expiry.
    await db.query('CREATE INDEX rate_limits_expire ON rate_limits (expire)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE IF EXISTS rate_limits');
  }
}
