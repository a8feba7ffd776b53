// Renders split across workers: one row per segment of one generation of an animation. The segment's child job
// (job_id, on the render queue) renders frames [start_frame, end_frame), keeps frames_done current (the
// animation's progress is their sum) and marks the row done once its MP4 is in object storage; the child that
// finds every segment done joins them. has_poster: this segment's range holds the poster frame.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RenderSegments1764900000021 implements MigrationInterface {
  name = 'RenderSegments1764900000021';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE render_segments (
      animation_id uuid NOT NULL REFERENCES animations (id) ON DELETE CASCADE,
      generation int NOT NULL,
      index int NOT NULL,
      start_frame int NOT NULL,
      end_frame int NOT NULL,
      total_frames int NOT NULL,
      frames_done int NOT NULL DEFAULT 0,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'rendering', 'done')),
      job_id uuid NOT NULL,
      worker text,
      attempts int NOT NULL DEFAULT 0,
      has_poster boolean NOT NULL DEFAULT false,
      render_s double precision NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (animation_id, generation, index),
      CHECK (start_frame >= 0 AND end_frame > start_frame AND end_frame <= total_frames)
    )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE render_segments');
  }
}
