/** Schema finding E1105 (see schemaEntry.ts). */
import type { Rule } from '../../types';
import { SCHEMA_PLATFORMS, reportedBySchema } from './schemaEntry';

export const schemaOutOfRange: Rule = {
  id: 'E1105',
  name: 'schema-out-of-range',
  severity: 'error',
  platforms: SCHEMA_PLATFORMS,
  reads: 'tree',
  title: 'A value is out of range, empty, or has too many or too few items',
  doc:
    'Limits from the AppSpec reference and the ECS/Lambda APIs: exactly one item in `Resources`, `ContainerPort` 1–65535, at most 16 `Subnets` and ' +
    '5 `SecurityGroups`, capacity provider `Base` 0–100000 and `Weight` 0–1000, and no empty names.',
  check: reportedBySchema,
};
