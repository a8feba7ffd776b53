import type { AnyTemplate } from '../types.ts';

export const MATH_TEMPLATES: AnyTemplate[] = [];
