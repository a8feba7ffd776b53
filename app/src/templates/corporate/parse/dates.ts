// Dates on a timeline as people write them: "2010", "March 2020", "Q3 2021", "2020-03-15", "1990s",
// "Week 3", "Day 1", "9:30", "Mar 15", "15 March", "15/03/2024", "Monday". Each gets a position on a number line where it can, so events can be
// placed in proportion to the time between them.

export interface FoundDate {
  /** As written ("Q3 2021"). */
  text: string;
  start: number;
  end: number;
  /** Position on a number line (years, weeks, hours …), undefined when it has none. */
  time?: number;
  /** Which number line `time` is on; only dates of one kind are placed in proportion. */
  kind?: 'year' | 'week' | 'day' | 'month' | 'quarter' | 'phase' | 'clock' | 'weekday';
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const YEAR = String.raw`(?:1[5-9]\d\d|20\d\d|21\d\d)`;

interface Pattern {
  re: RegExp;
  read(m: RegExpExecArray): Pick<FoundDate, 'time' | 'kind'>;
}

function monthIndex(s: string): number {
  return MONTHS.indexOf(s.slice(0, 3).toLowerCase());
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** "15/03/2024" is day first, "03/15/2024" can only be month first; two-digit years are this century. */
function numericDate(m: RegExpExecArray): Pick<FoundDate, 'time' | 'kind'> {
  let [day, month] = [Number(m[1]), Number(m[2])];
  if (month > 12 && day <= 12) [day, month] = [month, day];
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  return { time: year + (month - 1) / 12 + (day - 1) / 365, kind: 'year' };
}

// Most specific first: a longer form wins over the bare year inside it.
const PATTERNS: Pattern[] = [
  { re: new RegExp(String.raw`\b(${YEAR})-(\d{1,2})(?:-(\d{1,2}))?\b`, 'i'), read: (m) => ({ time: Number(m[1]) + (Number(m[2]) - 1) / 12 + (m[3] ? (Number(m[3]) - 1) / 365 : 0), kind: 'year' }) },
  { re: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTH})\s*,?\s*(${YEAR})\b`, 'i'), read: (m) => ({ time: Number(m[3]) + monthIndex(m[2]!) / 12 + (Number(m[1]) - 1) / 365, kind: 'year' }) },
  { re: new RegExp(String.raw`\b(${MONTH})\s+(?:(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*)?(${YEAR})\b`, 'i'), read: (m) => ({ time: Number(m[3]) + monthIndex(m[1]!) / 12 + (m[2] ? (Number(m[2]) - 1) / 365 : 0), kind: 'year' }) },
  { re: new RegExp(String.raw`\b(?:Q([1-4])\s*[-/ ]?\s*(${YEAR})|(${YEAR})\s*[-/ ]?\s*Q([1-4]))\b`, 'i'), read: (m) => ({ time: Number(m[2] ?? m[3]) + (Number(m[1] ?? m[4]) - 1) / 4, kind: 'year' }) },
  { re: new RegExp(String.raw`\b(?:H([12])\s*(${YEAR})|(${YEAR})\s*H([12]))\b`, 'i'), read: (m) => ({ time: Number(m[2] ?? m[3]) + (Number(m[1] ?? m[4]) - 1) / 2, kind: 'year' }) },
  { re: new RegExp(String.raw`\b(\d{1,2})/(${YEAR})\b`), read: (m) => ({ time: Number(m[2]) + (Number(m[1]) - 1) / 12, kind: 'year' }) },
  { re: new RegExp(String.raw`\b(${YEAR})s\b`), read: (m) => ({ time: Number(m[1]), kind: 'year' }) },
  { re: new RegExp(String.raw`(?<![\d,.$€£])\b(${YEAR})\b(?![,.]\d)`), read: (m) => ({ time: Number(m[1]), kind: 'year' }) },
  { re: /\bQ([1-4])\b/i, read: (m) => ({ time: Number(m[1]), kind: 'quarter' }) },
  {
    re: /\b(week|day|month|year|phase|sprint|stage)\s+(\d{1,3})\b/i,
    read: (m) => ({ time: Number(m[2]), kind: (['week', 'day', 'month'].includes(m[1]!.toLowerCase()) ? m[1]!.toLowerCase() : m[1]!.toLowerCase() === 'year' ? 'year' : 'phase') as FoundDate['kind'] }),
  },
  { re: /\b([01]?\d|2[0-3]):([0-5]\d)\s*(am|pm)?\b/i, read: (m) => ({ time: (Number(m[1]) % 12) + (m[3]?.toLowerCase() === 'pm' ? 12 : m[3] ? 0 : Number(m[1]) >= 12 ? 12 : 0) + Number(m[2]) / 60, kind: 'clock' }) },
  { re: /\b(1[0-2]|0?[1-9])\s*(am|pm)\b/i, read: (m) => ({ time: (Number(m[1]) % 12) + (m[2]!.toLowerCase() === 'pm' ? 12 : 0), kind: 'clock' }) },
  { re: new RegExp(String.raw`\b(\d{1,2})[/.](\d{1,2})[/.](${YEAR}|\d{2})\b`), read: numericDate },
  // "Mar 15", "March 15th", "15 Mar", "15th of March": a day of a year not given (the year's forms above win).
  { re: new RegExp(String.raw`\b(${MONTH})\s+(\d{1,2})(?:st|nd|rd|th)?\b(?![:.]\d)`, 'i'), read: (m) => ({ time: monthIndex(m[1]!) + (Number(m[2]) - 1) / 31, kind: 'month' }) },
  { re: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTH})(?![a-z])`, 'i'), read: (m) => ({ time: monthIndex(m[2]!) + (Number(m[1]) - 1) / 31, kind: 'month' }) },
  // Weekday schedules: full names in any case; the short forms only capitalised ("Wed", not "wed" or "sun").
  { re: /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i, read: (m) => ({ time: WEEKDAYS.indexOf(m[1]!.slice(0, 3).toLowerCase()), kind: 'weekday' }) },
  { re: /\b(Mon|Tues?|Wed|Thu(?:rs?)?|Fri)\b\.?/, read: (m) => ({ time: WEEKDAYS.indexOf(m[1]!.slice(0, 3).toLowerCase()), kind: 'weekday' }) },
  { re: new RegExp(String.raw`\b(january|february|march|april|june|july|august|september|october|november|december)\b`, 'i'), read: (m) => ({ time: monthIndex(m[1]!), kind: 'month' }) },
];

/** The first date in a piece of text (the most specific form at the earliest position). */
export function findDate(text: string): FoundDate | undefined {
  let best: FoundDate | undefined;
  for (const p of PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    const found: FoundDate = { text: m[0].trim(), start: m.index, end: m.index + m[0].length, ...p.read(m) };
    // Earlier wins; at the same place the longer (more specific) form wins.
    if (!best || found.start < best.start || (found.start === best.start && found.end > best.end)) best = found;
  }
  return best;
}

/** Every date in the text, left to right, none overlapping. */
export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  let offset = 0;
  while (offset < text.length) {
    const d = findDate(text.slice(offset));
    if (!d) break;
    out.push({ ...d, start: d.start + offset, end: d.end + offset });
    offset += d.end;
  }
  return out;
}
