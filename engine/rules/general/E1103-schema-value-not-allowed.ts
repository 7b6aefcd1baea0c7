/** Schema finding E1103 (see schemaEntry.ts). */
import type { Rule } from '../../types';
import { SCHEMA_PLATFORMS, reportedBySchema } from './schemaEntry';

export const schemaValueNotAllowed: Rule = {
  id: 'E1103',
  name: 'schema-value-not-allowed',
  severity: 'error',
  platforms: SCHEMA_PLATFORMS,
  reads: 'tree',
  title: 'A value (or an ECS/Lambda hook event name) is not one of the allowed ones',
  doc:
    'Some values are fixed lists and are case-sensitive: `os` (`linux`, `windows`), `file_exists_behavior` (`DISALLOW`, `OVERWRITE`, `RETAIN`), ' +
    'permission `type` items (`file`, `directory`), resource `Type`, `AssignPublicIp` (`ENABLED`, `DISABLED`) and the ECS/Lambda hook event names. ' +
    'The message suggests the closest allowed value.',
  check: reportedBySchema,
};
