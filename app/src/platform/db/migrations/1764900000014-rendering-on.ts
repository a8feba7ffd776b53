// Which worker is rendering an animation now (worker.name, else host:pid), set when a worker claims the
// render and left as the last one that tried: the admin console's system page lists each worker with
// what it renders. Nullable: animations queued before this column, or never picked up, have none.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RenderingOn1764900000014 implements MigrationInterface {
  name = 'RenderingOn1764900000014';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE animations ADD COLUMN rendering_on text');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE animations DROP COLUMN rendering_on');
  }
}
