import type { AnyTemplate } from '../types.ts';
import { modelShape } from './model-shape.ts';
import { textTitle } from './text-title.ts';

export const GENERAL_TEMPLATES: AnyTemplate[] = [modelShape, textTitle];
