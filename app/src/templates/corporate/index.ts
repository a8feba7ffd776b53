// The corporate training templates (style `corporate_training`): slides, diagrams and charts.
import type { AnyTemplate } from '../types.ts';
import { businessBullets } from './bullets.ts';
import { businessChecklist } from './checklist.ts';
import { businessComparison } from './comparison.ts';
import { chartBar } from './chart-bar.ts';
import { chartLine } from './chart-line.ts';
import { chartPie } from './chart-pie.ts';
import { businessCycle } from './cycle.ts';
import { businessDecisionFlow } from './decision-flow.ts';
import { businessKpi } from './kpi.ts';
import { businessFunnel } from './funnel.ts';
import { businessOrgChart } from './org-chart.ts';
import { processFlow } from './process-flow.ts';
import { businessTimeline } from './timeline.ts';

export const CORPORATE_TEMPLATES: AnyTemplate[] = [
  processFlow,
  businessTimeline,
  businessBullets,
  businessChecklist,
  businessComparison,
  businessCycle,
  businessDecisionFlow,
  businessFunnel,
  businessKpi,
  businessOrgChart,
  chartBar,
  chartLine,
  chartPie,
];
