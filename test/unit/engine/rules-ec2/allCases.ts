/** Every firing case of the EC2 text rules. */
import type { Case } from './cases';
import { CASES_2XXX } from './casesTopFiles';
import { CASES_3XXX } from './casesPermissions';
import { CASES_4XXX } from './casesHooks';

export const CASES: Case[] = [...CASES_2XXX, ...CASES_3XXX, ...CASES_4XXX];
