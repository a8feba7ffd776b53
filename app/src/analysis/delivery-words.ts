// The words that say how to tell it, not what: "slowly", "step by step", "for beginners", "in detail", "a
// quick overview", "briefly". They choose the pace and the depth (templates/delivery.ts), never the template.
// "quick" alone is not one of them: "quick sort" is an algorithm, so only "quickly", "quick overview" and the
// like count.
import { STANDARD_DELIVERY, type Delivery } from '../templates/delivery.ts';

const SLOW = /\b(slowly|slow[- ]paced|at a slow(er)? pace|take (its|your) time|for (absolute )?beginners|beginner[- ]friendly|for novices|step[- ]by[- ]step)\b/i;
const FAST = /\b(quickly|fast[- ]paced|briefly|brief(ly)? overview|quick overview|in a nutshell|at a glance|speed (it )?up)\b/i;
const DETAILED = /\b(in (great |full |more )?detail|detailed|thoroughly|every (single )?step|all (of )?the steps|step[- ]by[- ]step|for (absolute )?beginners|beginner[- ]friendly|for novices)\b/i;
const OVERVIEW = /\b(overview|summary|summari[sz]ed?|in a nutshell|at a glance|briefly|the gist)\b/i;

export interface DeliveryReading extends Delivery {
  /** The phrases that set it, as the user wrote them (for the analysis' explanation). */
  words: string[];
}

export function readDelivery(text: string): DeliveryReading {
  const words = new Set<string>();
  const hit = (re: RegExp) => {
    const m = re.exec(text);
    if (m) words.add(m[0]);
    return Boolean(m);
  };
  const slow = hit(SLOW);
  const fast = hit(FAST);
  const detailed = hit(DETAILED);
  const overview = hit(OVERVIEW);
  // Contradictions ("a quick, detailed walk-through") keep the standard for the part that contradicts.
  return {
    pace: slow === fast ? STANDARD_DELIVERY.pace : slow ? 'slow' : 'fast',
    depth: detailed === overview ? STANDARD_DELIVERY.depth : detailed ? 'detailed' : 'overview',
    words: [...words],
  };
}
