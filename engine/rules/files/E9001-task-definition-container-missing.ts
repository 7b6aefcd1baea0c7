import type { Finding, Rule } from '../../types';
import { didYouMean } from '../../suggest';
import { sideKeyRange } from './sideFile';
import { checkedResources, containerList, taskDefinitionFile, taskDefinitionPath } from './taskDefinitionFile';
import { replaceValue } from './edits';

export const taskDefinitionContainerMissing: Rule = {
  id: 'E9001',
  name: 'task-definition-container-missing',
  severity: 'error',
  platforms: ['ecs'],
  reads: 'workspace',
  title: 'ContainerName is not a container of the task definition file beside the AppSpec',
  doc:
    "CodePipeline's ECS blue/green action deploys an `appspec.yaml` together with the `taskdef.json` of the same " +
    'folder: it registers the task definition and puts its ARN in place of `<TASK_DEFINITION>`. ' +
    '`LoadBalancerInfo.ContainerName` must then be the `name` of one of its `containerDefinitions`, or the deployment ' +
    'fails when the replacement task set is created. The file checked is `taskdef.json` beside the AppSpec, or the file ' +
    'named by the `appspec.taskDefinitionFile` setting (`taskDefinitionFile` in `.appspec-lint.json`), relative to the ' +
    "AppSpec's folder. Nothing is reported when either name is a placeholder (`<CONTAINER_NAME>`, `${NAME}`), when the " +
    "file does not parse, or when the AppSpec's `TaskDefinition` names another family than the file's `family` (the " +
    'file is then not the one deployed). The finding points at the container list of the file too. Fix: use a container ' +
    'name from the file (the quick fix offers the closest one), or rename the container.',
  check(doc, ctx) {
    if (!taskDefinitionPath(ctx)) return [];
    const td = taskDefinitionFile(doc, ctx);
    if (!td || td.containersUnknown || td.containers.some((c) => c.placeholderName)) return [];
    const names = td.containers.map((c) => c.name!);
    const out: Finding[] = [];
    for (const r of checkedResources(doc, td)) {
      const wanted = r.containerName;
      if (!wanted || names.includes(wanted.value)) continue;
      const guess = didYouMean(wanted.value, names) ?? (names.length === 1 ? names[0] : undefined);
      out.push({
        ruleId: 'E9001',
        message:
          `ContainerName \`${wanted.value}\` is not a container of ${td.name} (it defines ${containerList(td)}); ` +
          'the deployment fails when it creates the replacement task set.',
        range: wanted.range,
        related: [
          {
            uri: td.file.uri,
            range: sideKeyRange(td.file, td.containerDefinitionsPair),
            message: `The containers of ${td.name}: ${containerList(td)}.`,
          },
        ],
        fixes: guess
          ? [{ title: `Change ContainerName to '${guess}'`, edits: [replaceValue(wanted, guess)], isPreferred: true }]
          : [],
      });
    }
    return out;
  },
};
