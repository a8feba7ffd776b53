// The words the analyser's typo correction knows, gathered once from the catalogue: each template's
// vocabulary and title words, in the domain of the template's category, plus the cue words and names
// of domains.ts. One normaliser is built from them, on the first description analysed.
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
    const words = [...(t.vocabulary ?? []), ...t.title.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 4)];
    for (const w of words) {
      vocabulary.add(w);
      addDomain(domains, w, domain);
    }
  }
  for (const [domain, names] of Object.entries(NAMES) as [Domain, readonly string[]][]) for (const n of names) addDomain(domains, n, domain);
  for (const [domain, cues] of Object.entries(DOMAIN_CUES) as [Domain, readonly string[]][]) for (const c of cues) addDomain(domains, c, domain);
  return { vocabulary, domains };
}

let normalizer: Normalizer | undefined;

export function catalogueNormalizer(): Normalizer {
  if (!normalizer) {
    const { vocabulary, domains } = catalogueLexicon();
    normalizer = new Normalizer(vocabulary, { domains });
  }
  return normalizer;
}
