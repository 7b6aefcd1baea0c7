import type { Rule } from '../../types';
import { hasPlaceholder, scalarSource } from '../../ast';
import { checkPropertyScalar, show } from '../ecs-lambda/model';

/** ECS container names: 1-255 letters, digits, `_` and `-` (RegisterTaskDefinition). */
const CONTAINER_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** ContainerName must be a name a container in a task definition can have. */
export const ecsContainerName: Rule = {
  id: 'E6015',
  name: 'ecs-container-name',
  severity: 'error',
  platforms: ['ecs'],
  reads: 'tree',
  title: 'ContainerName must be a valid ECS container name',
  doc:
    '`LoadBalancerInfo.ContainerName` must be the name of a container in the task definition, and ECS container names ' +
    'are 1-255 letters, digits, `_` and `-`. A value with dots, slashes or spaces (an image name such as `nginx:1.27`, a ' +
    'file name such as `app.jar`) cannot name any container, so the deployment fails. Placeholders are not reported. ' +
    'Fix: copy the `name` of the container that the load balancer targets from the task definition.',
  check(doc) {
    return checkPropertyScalar(
      doc,
      'E6015',
      ['LoadBalancerInfo', 'ContainerName'],
      '`ContainerName` must be one container name (a string).',
      (node) => {
        if (hasPlaceholder(node)) return undefined;
        const text = typeof node.value === 'string' ? node.value : (scalarSource(node) ?? String(node.value));
        if (CONTAINER_NAME.test(text)) return undefined;
        const why = /[.:/]/.test(text)
          ? ' (it looks like an image or file name, not the container `name` from the task definition)'
          : text.length > 255
            ? ' (longer than 255 characters)'
            : '';
        return {
          ruleId: 'E6015',
          range: doc.rangeOf(node),
          message: `ContainerName ${show(text)} is not a valid ECS container name: use letters, digits, \`_\` and \`-\` only${why}.`,
        };
      },
    );
  },
};
