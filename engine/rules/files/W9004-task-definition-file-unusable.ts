import type { Rule } from '../../types';
import { pairsOf } from '../../ast';
import { allProperties, pairCI } from '../ecs-lambda/model';
import { sideFile } from './sideFile';
import { taskDefinitionFile, taskDefinitionPath } from './taskDefinitionFile';

export const taskDefinitionFileUnusable: Rule = {
  id: 'W9004',
  name: 'task-definition-file-unusable',
  severity: 'warning',
  platforms: ['ecs'],
  reads: 'workspace',
  title: 'The task definition file named by the setting cannot be checked',
  doc:
    'The `appspec.taskDefinitionFile` setting (`taskDefinitionFile` in `.appspec-lint.json`) names the task ' +
    "definition file to check ECS AppSpecs against, relative to the AppSpec's folder. When that file does not exist, " +
    'does not parse as JSON or YAML, or has no `containerDefinitions`, the checks E9001-E9003 cannot run, and this ' +
    'says so once instead of staying silent. A `taskdef.json` found by its default name is never reported here. Fix: ' +
    'correct the setting, or the file.',
  check(doc, ctx) {
    const where = taskDefinitionPath(ctx);
    const td = where && taskDefinitionFile(doc, ctx);
    if (!where?.named || td) return [];
    const props = allProperties(doc)[0];
    if (!props) return [];
    const at = pairCI(props, 'TaskDefinition') ?? pairsOf(props)[0];
    const st = ctx.fs!.stat(where.abs);
    const why = st?.outside
      ? 'lies outside the checked folders (through a symlink or an absolute path), which are not read'
      : st?.isFile !== true
      ? 'does not exist'
      : sideFile(doc, ctx, where.abs)
        ? 'has no `containerDefinitions` list'
        : 'cannot be read as JSON or YAML';
    return [
      {
        ruleId: 'W9004',
        message: `The task definition file \`${ctx.taskDefinitionFile}\` (setting \`taskDefinitionFile\`) ${why}, so the container, port and network mode are not checked against it.`,
        range: at ? doc.keyRangeOf(at) : doc.rangeOf([0, 0]),
      },
    ];
  },
};
