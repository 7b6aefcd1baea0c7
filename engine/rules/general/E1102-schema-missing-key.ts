/** Schema finding E1102 (see schemaEntry.ts). */
import type { Rule } from '../../types';
import { SCHEMA_PLATFORMS, reportedBySchema } from './schemaEntry';

export const schemaMissingKey: Rule = {
  id: 'E1102',
  name: 'schema-missing-key',
  severity: 'error',
  platforms: SCHEMA_PLATFORMS,
  reads: 'tree',
  title: 'A required key is missing',
  doc:
    "A key the agent or the service requires is absent, for example `os`, a `files` entry's `destination`, a script's `location`, " +
    '`Resources`, `Type`, `Properties`, `TaskDefinition` or a Lambda `TargetVersion`. The finding sits on the mapping that lacks the key.',
  check: reportedBySchema,
};
