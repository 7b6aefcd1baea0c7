import type { Finding, Rule } from '../../types';
import { scalarString } from '../../ast';
import { allProperties, pairCI } from '../ecs-lambda/model';
import { sideKeyRange } from './sideFile';
import { describes, taskDefinitionFile, taskDefinitionPath } from './taskDefinitionFile';

export const taskDefinitionNetworkMode: Rule = {
  id: 'E9003',
  name: 'task-definition-network-mode',
  severity: 'error',
  platforms: ['ecs'],
  reads: 'workspace',
  title: 'NetworkConfiguration needs the awsvpc network mode in the task definition file',
  doc:
    '`Properties.NetworkConfiguration` (subnets, security groups, public IP) applies only to tasks in the `awsvpc` ' +
    'network mode. When the task definition deployed with the AppSpec (`taskdef.json` beside it, or the file named by ' +
    'the `appspec.taskDefinitionFile` setting) uses `bridge`, `host` or `none`, or gives no `networkMode` (ECS then ' +
    'uses `bridge` on Linux instances), ECS refuses the replacement task set and the deployment fails. Without ' +
    '`NetworkConfiguration` nothing is reported: the task set keeps the network settings of the service. Placeholders ' +
    'are not reported. Fix: set `"networkMode": "awsvpc"` in the task definition (Fargate requires it), or remove ' +
    '`NetworkConfiguration` from the AppSpec.',
  check(doc, ctx) {
    if (!taskDefinitionPath(ctx)) return [];
    const td = taskDefinitionFile(doc, ctx);
    if (!td) return [];
    const mode = td.networkMode;
    if (mode?.placeholder || mode?.value === 'awsvpc') return [];
    const out: Finding[] = [];
    for (const props of allProperties(doc)) {
      if (!describes(td, scalarString(pairCI(props, 'TaskDefinition')?.value))) continue;
      const nc = pairCI(props, 'NetworkConfiguration');
      if (!nc || !pairCI(nc.value, 'AwsvpcConfiguration')) continue;
      const what = mode ? `network mode \`${mode.value}\`` : 'no networkMode (so `bridge` on Linux instances)';
      out.push({
        ruleId: 'E9003',
        message: `NetworkConfiguration needs the \`awsvpc\` network mode, but ${td.name} gives ${what}; ECS refuses the replacement task set.`,
        range: doc.keyRangeOf(nc),
        related: [
          {
            uri: td.file.uri,
            range: sideKeyRange(td.file, mode?.pair ?? td.containerDefinitionsPair),
            message: mode ? `The network mode of ${td.name}.` : `${td.name} gives no networkMode.`,
          },
        ],
      });
    }
    return out;
  },
};
