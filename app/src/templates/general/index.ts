import type { AnyTemplate } from '../types.ts';
import { textTitle } from './text-title.ts';

export const GENERAL_TEMPLATES: AnyTemplate[] = [textTitle];
