// Astronomy templates (style `scientific`).
import type { AnyTemplate } from '../../types.ts';
import { solarSystem } from './solar-system.ts';

export const ASTRONOMY_TEMPLATES: AnyTemplate[] = [solarSystem];
