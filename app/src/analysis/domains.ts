// The subject areas a description can belong to, and the words that say which one it is in. Typo
// correction never changes a description's domain: a near miss of a computing word inside a phishing-
// awareness course stays as typed rather than turning the course into a hash table.
import type { Category } from '../templates/types.ts';

export type Domain = 'computing' | 'mathematics' | 'science' | 'business';

/** The domain of a template category; undefined for those that serve any subject (charts, 3D shapes, the title card). */
export function domainOf(category: Category): Domain | undefined {
  switch (category) {
    case 'algorithms':
      return 'computing';
    case 'mathematics':
      return 'mathematics';
    case 'physics':
    case 'chemistry':
    case 'biology':
    case 'astronomy':
      return 'science';
    case 'corporate':
      return 'business';
    default:
      return undefined;
  }
}

/**
 * Words no template needs to know but that place a description in a domain: the way teachers and
 * trainers name their subject, audience and setting. Only words of one subject: "equation" (maths or
 * chemistry), "string" (code or a pendulum's) and "code" (of conduct) are not cues.
 */
export const DOMAIN_CUES: Record<Domain, readonly string[]> = {
  computing: ['algorithm', 'algorithms', 'array', 'arrays', 'computing', 'computer', 'programming', 'coding', 'recursion', 'recursive', 'complexity', 'pseudocode', 'python', 'java', 'javascript', 'cipher', 'encryption', 'vertex', 'vertices', 'spanning', 'backtracking', 'automaton', 'automata'],
  mathematics: ['maths', 'math', 'mathematics', 'theorem', 'proof', 'prove', 'algebra', 'geometry', 'calculus', 'trigonometry', 'statistics', 'probability', 'fraction', 'fractions', 'polynomial', 'quadratic', 'lemma', 'axiom', 'integer', 'integers'],
  science: ['physics', 'chemistry', 'biology', 'science', 'experiment', 'lab', 'laboratory', 'cell', 'cells', 'organism', 'organisms', 'species', 'energy', 'force', 'forces', 'velocity', 'acceleration', 'circuit', 'voltage', 'electron', 'electrons', 'gene', 'genes', 'enzyme', 'ecosystem', 'climate'],
  business: ['employee', 'employees', 'staff', 'training', 'trainees', 'workshop', 'onboarding', 'induction', 'compliance', 'awareness', 'policy', 'policies', 'conduct', 'workplace', 'colleague', 'colleagues', 'manager', 'managers', 'leadership', 'customer', 'customers', 'client', 'clients', 'sales', 'marketing', 'company', 'business', 'corporate', 'team', 'teams', 'meeting', 'stakeholders', 'harassment', 'diversity', 'inclusion', 'safety', 'security', 'phishing', 'gdpr', 'privacy', 'ethics', 'integrity', 'respect', 'hr', 'revenue', 'budget', 'quarterly', 'kpi', 'okr'],
};

/**
 * People and things whose names are used as the names of algorithms, theorems and laws, with their
 * domain. Their possessives and plurals ("prim's", "prims", "dijkstras", "kruskal's") mean the name,
 * never a near word ("prims" is not "prime").
 */
export const NAMES: Record<Domain, readonly string[]> = {
  computing: ['dijkstra', 'prim', 'kruskal', 'bellman', 'floyd', 'warshall', 'kahn', 'tarjan', 'kosaraju', 'huffman', 'knuth', 'morris', 'pratt', 'boyer', 'rabin', 'karp', 'hoare', 'conway', 'turing', 'caesar', 'vigenere', 'levenshtein', 'hamming', 'strassen', 'karatsuba', 'horner', 'kadane', 'bresenham', 'hopcroft', 'edmonds', 'fulkerson', 'eratosthenes', 'fibonacci', 'hanoi'],
  mathematics: ['pythagoras', 'euclid', 'euler', 'gauss', 'leibniz', 'pascal', 'fermat', 'riemann', 'simpson', 'taylor', 'maclaurin', 'fourier', 'laplace', 'heron', 'descartes', 'bayes', 'poisson', 'cauchy', 'lagrange', 'rolle', 'thales', 'napier', 'venn', 'markov', 'cramer', 'pythagorean'],
  science: ['newton', 'ohm', 'kepler', 'doppler', 'archimedes', 'bernoulli', 'coulomb', 'faraday', 'ampere', 'kirchhoff', 'boyle', 'avogadro', 'mendel', 'darwin', 'bohr', 'rutherford', 'hooke', 'snell', 'planck', 'einstein', 'hubble', 'galileo', 'joule', 'maxwell', 'mendeleev', 'krebs', 'calvin', 'lenz', 'hund', 'pauli'],
  business: ['gantt', 'pareto', 'maslow', 'kotter', 'tuckman', 'porter', 'deming', 'shewhart', 'kirkpatrick', 'bloom', 'kolb', 'herzberg', 'belbin', 'lewin', 'eisenhower', 'kanban', 'scrum'],
};
