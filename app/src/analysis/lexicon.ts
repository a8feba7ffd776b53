// The words the analyser knows, gathered once from the catalogue: each template's vocabulary (in the
// domain of the template's category) and title words (in none) as typo-correction targets, plus the cue
// words and names of domains.ts, which also say what subject a description is in. One normaliser is
// built from them, on the first description analysed.
import { TEMPLATES } from '../templates/registry.ts';
import { DOMAIN_CUES, domainOf, NAMES, type Domain } from './domains.ts';
import { Normalizer } from './normalize.ts';

function addDomain(map: Map<string, Domain[]>, word: string, domain: Domain | undefined): void {
  const list = map.get(word) ?? [];
  if (domain && !list.includes(domain)) list.push(domain);
  map.set(word, list);
}

/** Correction targets (template words and names) and the domains of every word that has one. */
export function catalogueLexicon(): { vocabulary: Set<string>; domains: Map<string, Domain[]> } {
  const vocabulary = new Set<string>();
  const domains = new Map<string, Domain[]>();
  for (const t of TEMPLATES) {
    const domain = domainOf(t.category);
    for (const w of t.vocabulary ?? []) {
      vocabulary.add(w);
      addDomain(domains, w, domain);
    }
    // Title words are targets but place a text in no domain: "with" and "points" say nothing of the subject.
    for (const w of t.title.toLowerCase().split(/[^a-z]+/)) if (w.length >= 4) vocabulary.add(w);
  }
  for (const [word, list] of cueDomains()) for (const d of list) addDomain(domains, word, d);
  return { vocabulary, domains };
}

let cues: Map<string, Domain[]> | undefined;

/** The domains of the cue words and names alone: the strong signs of a subject. */
function cueDomains(): Map<string, Domain[]> {
  if (!cues) {
    cues = new Map();
    for (const [domain, names] of Object.entries(NAMES) as [Domain, readonly string[]][]) for (const n of names) addDomain(cues, n, domain);
    for (const [domain, list] of Object.entries(DOMAIN_CUES) as [Domain, readonly string[]][]) for (const c of list) addDomain(cues, c, domain);
  }
  return cues;
}

/** The domains a normalised description's cue words and names place it in (empty when it has none). */
export function subjectDomains(normalized: string): Set<Domain> {
  const found = new Set<Domain>();
  for (const w of normalized.split(' ')) for (const d of cueDomains().get(w) ?? []) found.add(d);
  return found;
}

let normalizer: Normalizer | undefined;

export function catalogueNormalizer(): Normalizer {
  if (!normalizer) {
    const { vocabulary, domains } = catalogueLexicon();
    normalizer = new Normalizer(vocabulary, { domains });
  }
  return normalizer;
}
