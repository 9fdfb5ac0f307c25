import type { Rule } from '../../src/engine/rule.js';
import dialectMismatch from './dialect-mismatch.js';

/** Rules about the file as a whole, for either dialect. */
export const coreRules: Rule[] = [dialectMismatch];
