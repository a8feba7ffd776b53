// The mathematics templates (style `mathematical`), in catalogue order.
import type { AnyTemplate } from '../types.ts';
import { geometryPythagorean } from './geometry-pythagorean.ts';
import { geometryTriangleAngles } from './geometry-triangle-angles.ts';
import { geometryCircleArea } from './geometry-circle-area.ts';
import { functionPlot } from './function-plot.ts';
import { calculusDerivative } from './calculus-derivative.ts';
import { calculusIntegral } from './calculus-integral.ts';
import { trigUnitCircle } from './trig-unit-circle.ts';
import { linalgVectorAdd } from './linalg-vector-add.ts';
import { linalgMatrixMultiply } from './linalg-matrix-multiply.ts';
import { linalgTransform } from './linalg-transform.ts';
import { seriesFourier } from './series-fourier.ts';
import { seriesArithmetic } from './series-arithmetic.ts';
import { seriesGeometric } from './series-geometric.ts';
import { financeCompoundInterest } from './finance-compound-interest.ts';
import { statsCentralTendency } from './stats-central-tendency.ts';
import { economicsSupplyDemand } from './economics-supply-demand.ts';
import { statsNormalDistribution } from './stats-normal-distribution.ts';
import { trigLawOfCosines } from './trig-law-of-cosines.ts';
import { trigLawOfSines } from './trig-law-of-sines.ts';
import { geometryHeron } from './geometry-heron.ts';

export const MATH_TEMPLATES: AnyTemplate[] = [
  geometryPythagorean,
  geometryTriangleAngles,
  geometryCircleArea,
  functionPlot,
  calculusDerivative,
  calculusIntegral,
  trigUnitCircle,
  linalgVectorAdd,
  linalgMatrixMultiply,
  linalgTransform,
  seriesFourier,
  seriesArithmetic,
  seriesGeometric,
  financeCompoundInterest,
  statsCentralTendency,
  economicsSupplyDemand,
  statsNormalDistribution,
  trigLawOfCosines,
  trigLawOfSines,
  geometryHeron,
];
