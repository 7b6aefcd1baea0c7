import type { Rule } from '../../types';

/** Rules of this area, in ID order. Add each new rule file here. */
export const ecsRules: Rule[] = [];
