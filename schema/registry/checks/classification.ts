import { checkClassification } from '../../../subgraphs/kit/classification-check';
import type { CheckError } from './types';

/**
 * The data-classification check of a candidate set of subgraphs (the others as published plus
 * the proposed one): every output field carries `@classified`, and no field is classified
 * differently by two subgraphs (composition only hints at that). Every problem is listed.
 */
export function classificationErrors(subgraphs: { name: string; sdl: string }[]): CheckError[] {
  const report = checkClassification(subgraphs.map(({ name, sdl }) => ({ name, sdl })));
  return [
    ...report.unclassified.map((entry): CheckError => {
      const [subgraph, coordinate] = entry.split(': ');
      return { code: 'UNCLASSIFIED_FIELD', subgraph, message: `${coordinate} has no classification: add @Public(), @BasicPersonal() or @SensitivePersonal() (directive @classified)` };
    }),
    ...report.conflicts.map((c): CheckError => ({
      code: 'CLASSIFICATION_CONFLICT',
      message: `${c.coordinate} is classified differently: ${Object.entries(c.levels).map(([s, l]) => `${s} ${l}`).join(', ')}`,
    })),
  ];
}
