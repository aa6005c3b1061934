import type { EntityManager } from '@mikro-orm/core';
import { indicatorLoader, indicatorSelectionLoader, sectorIndicatorCountLoader, sectorLoader, targetsByUnitLoader } from './catalog';
import { latestLoader } from './latest';
import { seriesLoader } from './series';
import { seriesAtLoader } from './series-at';

/** Per-request loaders: every field that reads rows goes through one of these. */
export function createLoaders(em: EntityManager) {
  return {
    indicator: indicatorLoader(em),
    sector: sectorLoader(em),
    sectorIndicatorCount: sectorIndicatorCountLoader(em),
    indicatorSelection: indicatorSelectionLoader(em),
    targetsByUnit: targetsByUnitLoader(em),
    latest: latestLoader(em),
    series: seriesLoader(em),
    seriesAt: seriesAtLoader(em),
  };
}

export type IndicatorsLoaders = ReturnType<typeof createLoaders>;
