/**
 * The Amazon ECS API (JSON 1.1, target prefix `AmazonEC2ContainerServiceV20141113`) as far as the
 * account checks read it: DescribeTaskDefinition, DescribeServices and DescribeClusters, over the
 * simulated task definitions, services and clusters. Errors are `{"__type", "message"}` with HTTP 400
 * like the CodeDeploy side: an unknown task definition is `ClientException` "Unable to describe task
 * definition.", an unknown cluster in DescribeServices `ClusterNotFoundException` "Cluster not found.",
 * and services or clusters that do not exist are listed under `failures` with reason `MISSING`.
 */
import { ACCOUNT_ID } from '../account';
import { ServiceError } from '../errors';
import type { Json } from '../types';
import { denial, type AccessPolicy } from './access';
import { clusterNameOf, ComputeResources, serviceRefOf } from './resources';
import type { EcsServiceRecord, TaskDefinitionRecord } from './types';

export const ECS_TARGET_PREFIX = 'AmazonEC2ContainerServiceV20141113.';
/** model (DescribeServices): at most 10 services per call; DescribeClusters: 100 clusters. */
const MAX_SERVICES = 10;
const MAX_CLUSTERS = 100;
const MAX_REF_LENGTH = 1600;

type EcsHandler = (input: Json) => Json;

function str(input: Json, key: string, what: string): string | undefined {
  const v = input[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v.length > MAX_REF_LENGTH)
    throw new ServiceError(
      'InvalidParameterException',
      `${what} must be a string of at most ${MAX_REF_LENGTH} characters.`,
    );
  return v;
}

function strList(input: Json, key: string, max: number, what: string): string[] | undefined {
  const v = input[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.length > MAX_REF_LENGTH))
    throw new ServiceError('InvalidParameterException', `${what} must be a list of strings.`);
  if (v.length > max) throw new ServiceError('InvalidParameterException', `${what} can have at most ${max} items.`);
  return v as string[];
}

function taskDefinitionWire(r: ComputeResources, td: TaskDefinitionRecord): Json {
  return {
    taskDefinitionArn: r.taskDefinitionArn(td),
    containerDefinitions: td.containerDefinitions.map((c) => structuredClone(c)),
    family: td.family,
    ...(td.executionRoleArn ? { executionRoleArn: td.executionRoleArn } : {}),
    networkMode: td.networkMode,
    revision: td.revision,
    volumes: [],
    status: td.status,
    requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' }],
    placementConstraints: [],
    compatibilities: td.networkMode === 'awsvpc' ? ['EC2', 'FARGATE'] : ['EC2'],
    requiresCompatibilities: [...td.requiresCompatibilities],
    cpu: td.cpu,
    memory: td.memory,
    registeredAt: td.registeredAt,
    registeredBy: `arn:aws:iam::${ACCOUNT_ID}:role/ecs-deployer`,
  };
}

/** The id of the service's PRIMARY task set: the one the last CodeDeploy deployment left, else derived. */
export function primaryTaskSetId(s: EcsServiceRecord): string {
  return s.primaryTaskSetId ?? `ecs-svc/${String(4_000_000_000_000_000 + s.updatedAt).padStart(19, '0')}`;
}

function serviceWire(r: ComputeResources, s: EcsServiceRecord): Json {
  const serviceArn = r.serviceArn(s.clusterName, s.serviceName);
  const clusterArn = r.clusterArn(s.clusterName);
  const taskSetId = primaryTaskSetId(s);
  const primary = {
    id: taskSetId,
    taskSetArn: `${serviceArn.replace(':service/', ':task-set/')}/${taskSetId}`,
    serviceArn,
    clusterArn,
    status: 'PRIMARY',
    taskDefinition: s.taskDefinition,
    computedDesiredCount: s.desiredCount,
    pendingCount: 0,
    runningCount: s.desiredCount,
    createdAt: s.updatedAt,
    updatedAt: s.updatedAt,
    launchType: s.launchType,
    ...(s.networkConfiguration ? { networkConfiguration: structuredClone(s.networkConfiguration) } : {}),
    loadBalancers: s.loadBalancers.map((lb) => ({ ...lb })),
    scale: { value: 100, unit: 'PERCENT' },
    stabilityStatus: 'STEADY_STATE',
    stabilityStatusAt: s.updatedAt,
  };
  return {
    serviceArn,
    serviceName: s.serviceName,
    clusterArn,
    loadBalancers: s.loadBalancers.map((lb) => ({ ...lb })),
    status: s.status,
    desiredCount: s.desiredCount,
    runningCount: s.desiredCount,
    pendingCount: 0,
    launchType: s.launchType,
    taskDefinition: s.taskDefinition,
    taskSets: [primary],
    deployments: [],
    createdAt: s.createdAt,
    ...(s.networkConfiguration ? { networkConfiguration: structuredClone(s.networkConfiguration) } : {}),
    schedulingStrategy: 'REPLICA',
    deploymentController: { type: 'CODE_DEPLOY' },
    enableECSManagedTags: false,
    propagateTags: 'NONE',
    enableExecuteCommand: false,
  };
}

export function ecsOperations(r: ComputeResources, policy: AccessPolicy): Record<string, EcsHandler> {
  const check = (action: string, resource: string) => {
    const message = denial(policy, `ecs:${action}`, resource);
    if (message) throw new ServiceError('AccessDeniedException', message);
  };
  const ops: Record<string, EcsHandler> = {
    DescribeTaskDefinition(input) {
      const ref = str(input, 'taskDefinition', 'taskDefinition');
      if (!ref) throw new ServiceError('ClientException', 'Task Definition can not be blank.');
      check('DescribeTaskDefinition', '*');
      const td = r.resolveTaskDefinition(ref);
      if (!td) throw new ServiceError('ClientException', 'Unable to describe task definition.');
      const tags = strList(input, 'include', 1, 'include')?.includes('TAGS');
      return { taskDefinition: taskDefinitionWire(r, td), ...(tags ? { tags: [] } : {}) };
    },
    DescribeServices(input) {
      const clusterRef = str(input, 'cluster', 'cluster') ?? 'default';
      const names = strList(input, 'services', MAX_SERVICES, 'services');
      if (!names || names.length === 0)
        throw new ServiceError('InvalidParameterException', 'Services cannot be empty.');
      const clusterName = clusterNameOf(clusterRef);
      check('DescribeServices', r.clusterArn(clusterName));
      if (!r.findCluster(clusterName)) throw new ServiceError('ClusterNotFoundException', 'Cluster not found.');
      const services: Json[] = [];
      const failures: Json[] = [];
      for (const name of names) {
        const ref = serviceRefOf(name);
        const found =
          ref.cluster === undefined || ref.cluster === clusterName ? r.findService(clusterName, ref.name) : undefined;
        if (found) services.push(serviceWire(r, found));
        else failures.push({ arn: r.serviceArn(clusterName, ref.name), reason: 'MISSING' });
      }
      return { services, failures };
    },
    DescribeClusters(input) {
      const names = strList(input, 'clusters', MAX_CLUSTERS, 'clusters') ?? ['default'];
      check('DescribeClusters', '*');
      const clusters: Json[] = [];
      const failures: Json[] = [];
      for (const ref of names) {
        const name = clusterNameOf(ref);
        const c = r.findCluster(name);
        if (!c) {
          failures.push({ arn: r.clusterArn(name), reason: 'MISSING' });
          continue;
        }
        const services = r.state.services.filter((s) => s.clusterName === name && s.status === 'ACTIVE');
        clusters.push({
          clusterArn: r.clusterArn(name),
          clusterName: name,
          status: c.status,
          registeredContainerInstancesCount: 0,
          runningTasksCount: services.reduce((n, s) => n + s.desiredCount, 0),
          pendingTasksCount: 0,
          activeServicesCount: services.length,
          statistics: [],
          tags: [],
          settings: [{ name: 'containerInsights', value: 'disabled' }],
          capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
          defaultCapacityProviderStrategy: [],
        });
      }
      return { clusters, failures };
    },
  };
  return Object.assign(Object.create(null) as Record<string, EcsHandler>, ops);
}
