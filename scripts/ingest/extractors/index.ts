import type { Extractor } from '../types';
import { workpointsExtractor } from './workpoints';
import { indicatorsExtractor } from './indicators';
import { scoringExtractor } from './scoring';
import { casesExtractor } from './cases';

/**
 * Record extractors run after the documents are extracted, in this order.
 * Each record type adds its own module here (one import, one entry).
 */
export const extractors: Extractor[] = [workpointsExtractor, indicatorsExtractor, scoringExtractor, casesExtractor];
