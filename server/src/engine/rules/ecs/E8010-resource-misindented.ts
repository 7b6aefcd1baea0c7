import type { Rule } from '../../types';
import { resourceEntries } from './model';
import { misindentFinding } from './shapes';

/**
 * A resource whose `Type`/`Properties` are not indented under its name, in a file whose platform
 * could not be told because of it (with a known platform, E6001/E7001 report the same thing).
 */
export const resourceMisindented: Rule = {
  id: 'E8010',
  name: 'resource-misindented',
  severity: 'error',
  platforms: ['unknown'],
  title: 'Resource Type and Properties are not indented under the resource name',
  doc:
    'In `Resources: - MyFunction:` the keys `Type` and `Properties` must be indented further than the resource name. ' +
    'Written at the same column as the name, they become siblings of it: the resource is empty, CodeDeploy finds no ' +
    '`Type`, and the platform of the file cannot be told. This rule covers files whose platform is unknown for that ' +
    'reason; with a known platform the same mistake is reported by E6001 (ECS) or E7001 (Lambda). Fix: indent `Type` ' +
    'and `Properties` (and everything under them) by two more spaces (quick fix).',
  check: (doc) =>
    resourceEntries(doc)
      .filter((e) => e.misIndented)
      .map((e) => misindentFinding(doc, 'E8010', e)),
};
