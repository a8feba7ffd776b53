// Every corporate template, on ordinary and stressful inputs: everything inside the 16 x 9 view,
// no two texts on top of each other, readable sizes, palette colours only, and user text only in
// text objects.
import test from 'ava';
import { sceneFromDescription } from '../../src/pipeline.ts';
import type { Scene, SceneObject } from '../../src/scene/schema.ts';
import { lineCount, textWidth } from '../../src/templates/corporate/slide.ts';

const REQ = { width: 1280, height: 720, fps: 30 };

const LONG = 'an unusually long label that keeps going well past what fits';
const CASES: Record<string, string[]> = {
  'business.process_flow': [
    'Our incident response process: detect, triage, contain, recover',
    'Onboarding process: submit application, recruiter phone screen, technical interview with the team, reference checks, offer letter and negotiation, background check, first day orientation',
    `Approval process: ${Array.from({ length: 12 }, (_, i) => `${LONG.slice(0, 10 + i * 3)} ${i}`).join(', ')}`,
    'Process: a, b',
    'Approval process: submit the expense report with receipts, line manager review and sign off, finance department verification, budget owner approval for large amounts, payment scheduled in next payroll run, archive documents for audit, notify the employee by email, close the ticket in the system',
  ],
  'business.timeline': [
    'Company history timeline: 2010 founded, 2015 Series A, 2020 IPO',
    'Product history: 1998 founded in a garage, 2004 IPO on NASDAQ, 2006 first acquisition, 2007 launched the flagship phone, 2015 opened offices in Europe and Asia, 2020 rebrand',
    `Timeline: ${Array.from({ length: 10 }, (_, i) => `${2000 + i} ${LONG}`).join(', ')}`,
    'Timeline: 1990 start, 1991 pilot, 1992 beta, 2020 launch',
    'Timeline: September 2021 kickoff',
  ],
  'business.bullets': [
    'Three key safety rules: wear a helmet, report hazards, keep exits clear',
    `Seven key points: ${Array.from({ length: 7 }, (_, i) => `${LONG} and a second clause that makes it a full sentence ${i}`).join('; ')}`,
    'Key takeaway: ship small changes often',
  ],
  'business.checklist': ['Our onboarding checklist: laptop, badge, accounts, training', `Checklist: ${Array.from({ length: 10 }, (_, i) => `${LONG} ${i}`).join(', ')}`, 'Checklist: done'],
  'business.comparison': [
    "Email etiquette. Do: reply within a day, use a clear subject. Don't: reply all, write in capitals",
    `Before: ${Array.from({ length: 6 }, (_, i) => `${LONG.slice(0, 50)} ${i}`).join(', ')}; After: ${Array.from({ length: 6 }, (_, i) => `${LONG.slice(0, 50)} ${i}`).join(', ')}`,
    'Option A: cheap vs Option B: fast, reliable, supported, local',
  ],
  'business.kpi': [
    'Revenue 1.2M up from 1.0M, churn 3% down from 4%, NPS 45 from 38',
    `Headline figures: ${Array.from({ length: 6 }, (_, i) => `${LONG.slice(0, 38)} ${i} $${i + 1}.25M up from $${i}.5M`).join(', ')}`,
    'Average handling time 1234567 seconds down from 9876543 seconds, revenue 1.0M from 1.2M',
    'KPI: NPS 45 from 45',
  ],
  'business.cycle': ['Explain the PDCA cycle', `Cycle: ${Array.from({ length: 8 }, (_, i) => `phase with longer name ${i}`).join(', ')}`, 'Feedback loop: build, measure'],
  'business.decision_flow': [
    'If severity is high, page on-call; otherwise open a ticket',
    'Escalation policy: if the customer is a VIP, if it is urgent, call them, otherwise email them; otherwise open a ticket',
    `If ${LONG.slice(0, 55)}, if ${LONG.slice(0, 50)} a, if ${LONG.slice(0, 50)} b, ${LONG.slice(0, 55)} c, otherwise ${LONG.slice(0, 55)} d; otherwise ${LONG.slice(0, 55)} e; otherwise if ${LONG.slice(0, 50)} f, ${LONG.slice(0, 55)} g, else ${LONG.slice(0, 55)} h`,
    'If paid, ship. If not paid, remind.',
  ],
  'business.funnel': [
    'Sales funnel: 1000 visitors, 300 leads, 50 customers',
    `Hiring funnel: ${Array.from({ length: 7 }, (_, i) => `${(7 - i) * 1000} ${LONG.slice(0, 14 + i * 3)}`).join(', ')}`,
    'Funnel: 1,000,000 impressions, 50,000 clicks, 900 signups, 12 customers',
  ],
  'business.org_chart': [
    'CEO manages CTO and CFO; CTO manages two engineers',
    'org chart: CEO > CTO, CFO, COO; CTO > Dev Lead, QA Lead; Dev Lead > Dev1, Dev2, Dev3; CFO > Accountant; COO > Operations Manager',
    'org chart: Chief Executive Officer of the Company > Chief Technology Officer, Chief Financial Officer; Chief Technology Officer > Principal Engineer A, Principal Engineer B, Principal Engineer C, Staff Engineer D, Staff Engineer E, Engineer F, Engineer G, Engineer H',
    'Org chart: Board > CEO > COO > Plant Manager > Shift Lead',
    'org chart: Head of Global Operations > Regional Director North America, Regional Director Europe and Middle East, Regional Director Asia Pacific, Director of Strategy and Planning, Chief of Staff to the Head, Operations Analyst, Executive Assistant, Program Manager',
  ],
  'chart.bar': [
    'Quarterly revenue bar chart: Q1 120, Q2 150, Q3 90, Q4 200',
    'Monthly signups bar chart: January 1,200; February 980; March 1,430; April 1,100; May -200; June 1,650; July 1,720; August 1,300; September 2,010; October 1,880; November 2,300; December 2,900',
    `bar chart: ${Array.from({ length: 12 }, (_, i) => `${LONG.slice(0, 12 + i * 2)} ${(i + 1) * 137_000}`).join(', ')}`,
    'bar chart: loss -5, gain 3',
  ],
  'chart.line': [
    'Monthly active users line chart: Jan 42, Feb 48, Mar 45, Apr 57, May 63, Jun 71',
    'Line chart of sales vs costs: sales 10, 20, 30, 40, 38, 52; costs 5, 15, 20, 35, 30, 33',
    `line chart: ${Array.from({ length: 24 }, (_, i) => `week ${i + 1} ${1000 + i * 97}`).join(', ')}`,
    'line chart: Revenue: 1.2M, 1.5M, 1.4M; Costs: 0.9M, 1.1M, 1.3M; Profit: 0.3M, 0.4M, 0.1M; Headcount: 0.2M, 0.25M, 0.3M',
  ],
  'chart.pie': [
    'Market share pie chart: Acme 45%, Globex 30%, Initech 15%, Umbrella 6%, Stark 4%',
    'Budget breakdown: salaries and benefits for all staff $500k, office rent $120k, marketing $80k, travel $20k, software licences $30k, training $10k, other $5k',
    `pie chart: ${Array.from({ length: 12 }, (_, i) => `${LONG.slice(0, 10 + i * 3)} ${12 - i}`).join(', ')}`,
    'pie chart: everything 1',
  ],
};

interface Box {
  id: string;
  left: number;
  right: number;
  bottom: number;
  top: number;
}

function textBox(id: string, text: string, x: number, y: number, size: number, align: string, maxWidth: number | undefined, weight: number, mono: boolean): Box {
  const natural = mono ? text.length * 0.6 * size : textWidth(text, size, weight);
  const width = maxWidth ? Math.min(maxWidth, natural) : natural;
  const lines = maxWidth ? lineCount(text, size, maxWidth, weight) : text.split('\n').length;
  const h = lines * size * 1.25;
  const left = align === 'left' ? x : align === 'right' ? x - width : x - width / 2;
  return { id, left, right: left + width, bottom: y - h / 2, top: y + h / 2 };
}

/** Where each drawn thing ends up, estimated from the declared (final) properties. */
function boxes(scene: Scene): { shapes: Box[]; texts: Box[] } {
  const shapes: Box[] = [];
  const texts: Box[] = [];
  const fromPoints = (id: string, pts: [number, number][], dx = 0, dy = 0): Box => ({
    id,
    left: Math.min(...pts.map((p) => p[0] + dx)),
    right: Math.max(...pts.map((p) => p[0] + dx)),
    bottom: Math.min(...pts.map((p) => p[1] + dy)),
    top: Math.max(...pts.map((p) => p[1] + dy)),
  });
  for (const o of scene.objects as SceneObject[]) {
    switch (o.type) {
      case 'text':
        texts.push(textBox(o.id, o.text, o.x, o.y, o.size, o.align, o.maxWidth, o.weight, o.font === 'mono'));
        break;
      case 'rect':
        shapes.push({ id: o.id, left: o.x - o.width / 2, right: o.x + o.width / 2, bottom: o.y - o.height / 2, top: o.y + o.height / 2 });
        break;
      case 'circle':
        shapes.push({ id: o.id, left: o.x - o.radius, right: o.x + o.radius, bottom: o.y - o.radius, top: o.y + o.radius });
        break;
      case 'polygon':
        shapes.push(fromPoints(o.id, o.points, o.x, o.y));
        break;
      case 'line':
        shapes.push(fromPoints(o.id, o.points));
        break;
      case 'bar': {
        shapes.push({ id: o.id, left: o.x - o.width / 2, right: o.x + o.width / 2, bottom: o.y, top: o.y + o.height });
        if (o.label) {
          const size = Math.min(0.45, Math.max(0.22, o.width * 0.45));
          texts.push(textBox(`${o.id}.label`, o.label, o.x, o.y + o.height + size * 0.75, size, 'center', undefined, 600, true));
        }
        break;
      }
      default:
        break;
    }
  }
  return { shapes, texts };
}

function overlap(a: Box, b: Box, slack: number): boolean {
  return a.left + slack < b.right && b.left + slack < a.right && a.bottom + slack < b.top && b.bottom + slack < a.top;
}

for (const [template, descriptions] of Object.entries(CASES)) {
  test(`${template}: everything fits the view and no texts collide`, (t) => {
    for (const description of descriptions) {
      const { analysis, scene } = sceneFromDescription(description, { ...REQ, maxLength: 5000 });
      t.is(analysis.template, template, description);
      const { shapes, texts } = boxes(scene);
      for (const b of [...shapes, ...texts]) {
        t.true(b.left >= -8 && b.right <= 8 && b.bottom >= -4.5 && b.top <= 4.5, `${description.slice(0, 40)}: ${b.id} leaves the view (${b.left.toFixed(2)}, ${b.right.toFixed(2)}, ${b.bottom.toFixed(2)}, ${b.top.toFixed(2)})`);
      }
      for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
          t.false(overlap(texts[i]!, texts[j]!, 0.03), `${description.slice(0, 40)}: ${texts[i]!.id} overlaps ${texts[j]!.id}`);
        }
      }
      // Labels that belong in a shape stay inside it.
      const inside: [RegExp, string][] = [
        [/^label-(\d+)$/, 'box-'],
        [/^name-(\d+)$/, 'box-'],
        [/^point-(\d+)$/, 'card-'],
      ];
      for (const tb of texts) {
        for (const [re, prefix] of inside) {
          const m = re.exec(tb.id);
          const shape = m && shapes.find((s) => s.id === `${prefix}${m[1]}`);
          if (shape) t.true(tb.left >= shape.left - 0.05 && tb.right <= shape.right + 0.05 && tb.bottom >= shape.bottom - 0.05 && tb.top <= shape.top + 0.05, `${description.slice(0, 40)}: ${tb.id} spills out of ${shape.id}`);
        }
      }
      for (const o of scene.objects) if (o.type === 'text') t.true(o.size >= 0.28 - 1e-9, `${o.id} size ${o.size}`);
      // Palette tokens only, so every style recolours the slide.
      const colours = JSON.stringify(scene.objects).match(/"#[0-9a-fA-F]{3,8}"/g);
      t.is(colours, null, 'no hex colours');
      t.true(scene.narration.steps.length >= 2, 'captions');
      t.true(scene.duration > 3 && scene.duration < 60, `duration ${scene.duration}`);
    }
  });
}

test('user text reaches the scene only as the text of text objects', (t) => {
  const marker = 'Zqxv';
  const descriptions = [
    `${marker} process: ${marker}a, ${marker}b, ${marker}c`,
    `${marker} timeline: 2010 ${marker}a, 2015 ${marker}b`,
    `Three ${marker} rules: ${marker}a, ${marker}b, ${marker}c`,
    `${marker} cycle: ${marker}a, ${marker}b, ${marker}c`,
    `${marker} funnel: 100 ${marker}a, 50 ${marker}b`,
    `org chart: ${marker}a > ${marker}b, ${marker}c`,
    `${marker} bar chart: ${marker}a 1, ${marker}b 2`,
    `${marker} line chart: ${marker}a 1, ${marker}b 2`,
    `${marker} pie chart: ${marker}a 1, ${marker}b 2`,
    `<script>alert(1)</script> process: <b>a</b>, b & c`,
  ];
  for (const description of descriptions) {
    const { scene } = sceneFromDescription(description, REQ);
    const needle = description.startsWith('<') ? '<' : marker;
    for (const o of scene.objects as unknown as Record<string, unknown>[]) {
      for (const [key, value] of Object.entries(o)) {
        if (typeof value === 'string' && value.includes(needle)) t.true(o.type === 'text' && key === 'text', `${description}: ${String(o.id)}.${key}`);
      }
    }
    for (const e of scene.timeline as unknown as Record<string, unknown>[]) {
      if (JSON.stringify(e).includes(needle)) t.true(e.type === 'set' && e.property === 'text', `${description}: timeline entry on ${String(e.target)}`);
    }
    if (!description.startsWith('<'))
      t.true(
        scene.objects.some((o) => o.type === 'text' && o.text.includes(marker)),
        `${description}: shown`,
      );
  }
});

test('every corporate template renders in every style with valid scenes', (t) => {
  for (const style of ['corporate_training', 'mathematical', 'algorithmic', 'scientific'] as const) {
    for (const descriptions of Object.values(CASES)) {
      const { scene } = sceneFromDescription(descriptions[0]!, { ...REQ, style });
      t.is(scene.style.theme, style);
    }
  }
});
