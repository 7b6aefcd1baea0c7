/** The template policy's bare placeholders (engine/subject.ts): reported by lint.ts, not by this entry. */
import type { Rule } from '../../types';
import { ALL_PLATFORMS } from '../../types';
import { reportedBySchema } from './schemaEntry';

export const templateValuePlaceholder: Rule = {
  id: 'W1202',
  name: 'template-value-placeholder',
  severity: 'warning',
  platforms: ALL_PLATFORMS,
  reads: 'tree',
  title: 'A value is an UPPER_SNAKE placeholder that a script may replace',
  doc:
    'Pipelines often keep tokens such as `ContainerPort: CONTAINER_PORT` or `AssignPublicIp: ASSIGN_PUBLIC_IP` in the ' +
    'AppSpec and replace them (with `sed`, `envsubst`, …) before deploying. Where such a token would be an error (the ' +
    'message names the rule, e.g. E6007), it is reported as this warning instead, because the file CodeDeploy ' +
    'receives may hold the real value. A token needs an underscore to count (`os: LINUX` stays an error). Placeholders ' +
    'in other styles (`<VAR>`, `${VAR}`, `{{VAR}}`, `[YOUR_VALUE]`) are never reported.',
  check: reportedBySchema,
};
