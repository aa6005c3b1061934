import { BUILT_IN_SUBGRAPHS } from '../../../subgraphs/catalog';

/** The spellings of a new subgraph's name that the templates use. */
export interface SubgraphNames {
  /** Folder and subgraph name, e.g. "health-insurance". */
  name: string;
  /** Type names, e.g. "HealthInsurance" (→ HealthInsuranceRecord). */
  pascal: string;
  /** Field names, e.g. "healthInsurance" (→ Citizen.healthInsuranceRecords). */
  camel: string;
  /** Table names, e.g. "health_insurance" (→ health_insurance_record). */
  snake: string;
  /** Record-number prefix, e.g. "HI". */
  prefix: string;
}

const RESERVED = new Set<string>([...BUILT_IN_SUBGRAPHS, 'kit', 'registry', 'gateway', 'scaffold']);

/** Checks a new subgraph name and derives its spellings; throws with the rule when it is not usable. */
export function subgraphNames(name: string): SubgraphNames {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name) || name.length > 30) {
    throw new Error(`The subgraph name must be lower-case letters and digits, words joined by "-", starting with a letter, at most 30 characters (e.g. "health-insurance"); got "${name}"`);
  }
  if (RESERVED.has(name)) throw new Error(`"${name}" is taken (built-in subgraphs and project folders: ${[...RESERVED].join(', ')})`);
  const words = name.split('-');
  const pascal = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  const letters = words.length > 1 ? words.map((w) => w[0]).join('') : name.slice(0, 2);
  return { name, pascal, camel: pascal[0].toLowerCase() + pascal.slice(1), snake: words.join('_'), prefix: letters.toUpperCase().slice(0, 4) };
}
