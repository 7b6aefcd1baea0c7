/**
 * The ECS half of the account checks: the task definition exists, is ACTIVE and has the container
 * and port the AppSpec routes traffic to; and, when the deployment group is known, its service,
 * cluster and target groups exist and the service is deployed by CodeDeploy.
 */
import type { DeploymentGroupInfo } from '../aws/api';
import type { AccountTargets, EcsTargetSpec } from '../../../engine/index';
import { choiceFixes, show, type CheckRun } from './checkRun';

/** What an ECS deployment group names in the account. */
export interface EcsGroupTarget {
  group: string;
  cluster: string;
  service: string;
  targetGroups: string[];
}

/** The service, cluster and target groups of an ECS deployment group (undefined for other groups). */
export function ecsGroupTarget(info: DeploymentGroupInfo | undefined): EcsGroupTarget | undefined {
  const svc = info?.ecsServices?.[0];
  if (!info || !svc?.serviceName || !svc.clusterName) return undefined;
  const pair = info.loadBalancerInfo?.targetGroupPairInfoList?.[0];
  return {
    group: info.deploymentGroupName ?? '',
    cluster: svc.clusterName,
    service: svc.serviceName,
    targetGroups: (pair?.targetGroups ?? []).map((t) => t.name).filter((n): n is string => !!n),
  };
}

async function taskDefinitionChecks(run: CheckRun, spec: EcsTargetSpec): Promise<void> {
  const ref = spec.taskDefinition;
  if (!ref) return;
  const got = await run.read(ref.range, () => run.reader.describeTaskDefinition(ref.value));
  if (!got.ok) return;
  const td = got.value;
  if (!td) {
    run.add({
      code: 'ecs-task-definition-not-found',
      severity: 'error',
      range: ref.range,
      message: `Task definition ${show(ref.value)} does not exist in ${run.opts.where} (ECS: "Unable to describe task definition.").`,
    });
    return;
  }
  const name = `${td.family}:${td.revision}`;
  if (td.status !== 'ACTIVE') {
    run.add({
      code: 'ecs-task-definition-inactive',
      severity: 'error',
      range: ref.range,
      message: `Task definition ${show(name)} is ${td.status} (deregistered): ECS cannot start new tasks from it.`,
    });
  }
  const containerSpec = spec.containerName;
  if (!containerSpec) return;
  const container = td.containers.find((c) => c.name === containerSpec.value);
  if (!container) {
    const names = td.containers.map((c) => c.name);
    run.add({
      code: 'ecs-container-not-found',
      severity: 'error',
      range: containerSpec.range,
      message: `Task definition ${show(name)} has no container ${show(containerSpec.value)}${names.length ? `; its containers: ${names.join(', ')}` : ''}. ECS would refuse the task set ("The container ${containerSpec.value} does not exist in the task definition.").`,
      fixes: choiceFixes(run, containerSpec, names, (c) => `Change ContainerName to ${c}`),
    });
    return;
  }
  const port = spec.containerPort;
  if (!port || !/^\d+$/.test(port.value) || container.ports.includes(Number(port.value))) return;
  const ports = container.ports.map(String);
  run.add({
    code: 'ecs-container-port-not-mapped',
    severity: 'error',
    range: port.range,
    message: `Container ${show(container.name)} of ${show(name)} does not map port ${port.value}${ports.length ? `; it maps ${ports.join(', ')}` : ' (it has no port mappings)'}.`,
    fixes: ports.slice(0, 5).map((p, i) => ({
      title: `Change ContainerPort to ${p}`,
      range: port.range,
      newText: p,
      preferred: i === 0 && ports.length === 1,
    })),
  });
}

async function groupChecks(run: CheckRun, spec: EcsTargetSpec, g: EcsGroupTarget): Promise<void> {
  const at = spec.anchor;
  const services = await run.read(at, () => run.reader.describeServices(g.cluster, [g.service]));
  if (services.ok) {
    const found = services.value?.found.find((s) => s.name === g.service);
    if (!services.value) {
      run.add({
        code: 'ecs-cluster-not-found',
        severity: 'error',
        range: at,
        message: `Deployment group ${show(g.group)} deploys to cluster ${show(g.cluster)}, which does not exist in ${run.opts.where}.`,
      });
    } else if (!found) {
      run.add({
        code: 'ecs-service-not-found',
        severity: 'error',
        range: at,
        message: `Deployment group ${show(g.group)} deploys to service ${show(g.service)}, which does not exist in cluster ${show(g.cluster)}.`,
      });
    } else if (
      found.status !== 'ACTIVE' ||
      (found.deploymentController && found.deploymentController !== 'CODE_DEPLOY')
    ) {
      run.add({
        code: 'ecs-service-not-deployable',
        severity: 'error',
        range: at,
        message:
          found.status !== 'ACTIVE'
            ? `Service ${show(g.service)} is ${found.status}, not ACTIVE.`
            : `Service ${show(g.service)} uses the ${found.deploymentController} deployment controller; CodeDeploy blue/green deployments need CODE_DEPLOY.`,
      });
    }
  }
  if (!g.targetGroups.length) return;
  const groups = await run.read(at, () => run.reader.describeTargetGroups(g.targetGroups));
  if (!groups.ok) return;
  for (const missing of groups.value.missing) {
    run.add({
      code: 'ecs-target-group-not-found',
      severity: 'error',
      range: at,
      message: `Deployment group ${show(g.group)} routes traffic through target group ${show(missing)}, which does not exist in ${run.opts.where}.`,
    });
  }
}

export async function ecsChecks(run: CheckRun, targets: AccountTargets): Promise<void> {
  for (const spec of targets.ecs) {
    await taskDefinitionChecks(run, spec);
    if (run.opts.ecsGroup) await groupChecks(run, spec, run.opts.ecsGroup);
  }
}
