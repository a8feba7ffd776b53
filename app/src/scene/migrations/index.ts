// Every migration step, oldest first: MIGRATIONS[i] reads version i + 1. A new spec version adds
// one file here and one line below (and fixtures of the old version, see app/test/fixtures/scenes).
import type { MigrationStep } from './step.ts';
import { v1ToV2 } from './v1-to-v2.ts';

export const MIGRATIONS: readonly MigrationStep[] = [v1ToV2];
