// Physics templates (style `scientific`, g = 9.81 m/s² unless given), in catalogue order.
import type { AnyTemplate } from '../../types.ts';
import { projectile } from './projectile.ts';
import { freeFallTemplate } from './free-fall.ts';
import { pendulum } from './pendulum.ts';
import { spring } from './spring.ts';
import { collision } from './collision.ts';
import { incline } from './incline.ts';
import { wave } from './wave.ts';
import { orbit } from './orbit.ts';
import { refraction } from './refraction.ts';
import { buoyancyTemplate } from './buoyancy.ts';
import { energyConservation } from './energy-conservation.ts';

export const PHYSICS_TEMPLATES: AnyTemplate[] = [projectile, freeFallTemplate, pendulum, spring, collision, incline, wave, orbit, refraction, buoyancyTemplate, energyConservation];
