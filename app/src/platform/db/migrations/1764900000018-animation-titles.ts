// Animation titles: a name its owner gives an animation in the library ("Week 3: sorting"), kept apart
// from the description, which is what was asked and what the analysis read (renaming must not change
// either). NULL means untitled: the app shows the description.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AnimationTitles1764900000018 implements MigrationInterface {
  name = 'AnimationTitles1764900000018';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE animations ADD COLUMN title text CHECK (title IS NULL OR (length(title) BETWEEN 1 AND 200))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE animations DROP COLUMN title');
  }
}
