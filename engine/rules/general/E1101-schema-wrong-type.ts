/** Schema finding E1101 (see schemaEntry.ts). */
import type { Rule } from '../../types';
import { SCHEMA_PLATFORMS, reportedBySchema } from './schemaEntry';

export const schemaWrongType: Rule = {
  id: 'E1101',
  name: 'schema-wrong-type',
  severity: 'error',
  platforms: SCHEMA_PLATFORMS,
  reads: 'tree',
  title: 'A value has the wrong type (list, mapping, text, number)',
  doc:
    'Each AppSpec key expects one shape: `files` and `permissions` are lists of mappings, `hooks` is a mapping of event names to script lists, ' +
    '`Resources` is a list, `ContainerPort` a number, and so on. A value of another shape crashes the Ruby agent or is a type error for the Rust agent ' +
    'and the service. Values holding pipeline placeholders (`<TASK_DEFINITION>`, `${VAR}`, `{{VAR}}`) are not checked.',
  check: reportedBySchema,
};
