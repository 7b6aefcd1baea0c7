/** The template policy's blank values (engine/subject.ts): reported by lint.ts, not by this entry. */
import type { Rule } from '../../types';
import { ALL_PLATFORMS } from '../../types';
import { reportedBySchema } from './schemaEntry';

export const templateValueBlank: Rule = {
  id: 'W1201',
  name: 'template-value-blank',
  severity: 'warning',
  platforms: ALL_PLATFORMS,
  reads: 'tree',
  title: 'A required value is blank, as in an unfilled template',
  doc:
    'AWS samples and console templates leave values blank for the author to fill in (`TaskDefinition: ""`, ' +
    '`Subnets: ["", ""]`, `source:`). Such a file is not broken yet, so the error a blank value would get (the ' +
    'message names that rule, e.g. E6004) is reported as this warning instead: deployed as it is, the file fails. ' +
    'Fill the value in. Not treated this way: a missing key, a value left empty by wrong indentation, and a blank ' +
    'Lambda version in a file that is otherwise filled in (E7005). Setting the original rule (`"E6004": "error"`) ' +
    'in `.appspec-lint.json` reports it under its own ID again; `"W1201": "off"` hides blank template values, and ' +
    '`# appspec-lint disable=W1201` one of them.',
  check: reportedBySchema,
};
