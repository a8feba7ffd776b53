import type { AnyTemplate } from '../types.ts';

export const SCIENCE_TEMPLATES: AnyTemplate[] = [];
