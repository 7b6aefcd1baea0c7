/** Schema finding W1104 (see schemaEntry.ts). */
import type { Rule } from '../../types';
import { SCHEMA_PLATFORMS, reportedBySchema } from './schemaEntry';

export const schemaUnknownKey: Rule = {
  id: 'W1104',
  name: 'schema-unknown-key',
  severity: 'warning',
  platforms: SCHEMA_PLATFORMS,
  reads: 'tree',
  title: 'An unknown key is ignored',
  doc:
    'The EC2 agents read only the keys they know and silently ignore the rest, so a misspelt key (`destnation`, `runAs`, `Timeout`) simply ' +
    'does nothing. For ECS and Lambda the service behaviour with unknown keys is not documented. The message suggests the key you probably meant.',
  check: reportedBySchema,
};
