/**
 * The Lambda, ECS and Elastic Load Balancing resources of the simulated account: what the
 * extension's account checks read (functions, versions, aliases, task definitions, services,
 * clusters, target groups). Kept in the state file under `compute`; Lambda aliases stay in
 * `lambdaAliases`, which deployments move. Field names follow the services' own where they exist.
 */
import type { Json } from '../types';

export interface LambdaFunctionRecord {
  functionName: string;
  runtime: string;
  handler: string;
  /** The execution role ARN. */
  role: string;
  description: string;
  memorySize: number;
  timeout: number;
  /** Epoch milliseconds of the last code or configuration change. */
  lastModified: number;
  /** Published versions are "1" … String(publishedVersions); 0 means only $LATEST. */
  publishedVersions: number;
  tags: Record<string, string>;
}

export interface TaskDefinitionRecord {
  family: string;
  revision: number;
  status: 'ACTIVE' | 'INACTIVE';
  networkMode: 'bridge' | 'host' | 'awsvpc' | 'none';
  requiresCompatibilities: string[];
  cpu: string;
  memory: string;
  executionRoleArn?: string;
  /** ContainerDefinition objects in the ECS wire shape (name, image, essential, portMappings, …). */
  containerDefinitions: Json[];
  /** Epoch seconds. */
  registeredAt: number;
}

export interface ClusterRecord {
  clusterName: string;
  status: 'ACTIVE' | 'INACTIVE';
}

export interface EcsLoadBalancer {
  targetGroupArn: string;
  containerName: string;
  containerPort: number;
}

export interface EcsServiceRecord {
  clusterName: string;
  serviceName: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  /** The task definition ARN the service runs (its PRIMARY task set's). */
  taskDefinition: string;
  desiredCount: number;
  launchType: 'FARGATE' | 'EC2';
  loadBalancers: EcsLoadBalancer[];
  /** `awsvpcConfiguration` in the ECS wire shape, when the service has one. */
  networkConfiguration?: Json;
  /** Epoch seconds. */
  createdAt: number;
  /** Epoch seconds of the last change of the task definition. */
  updatedAt: number;
  /** The id of the PRIMARY task set a CodeDeploy deployment left (`ecs-svc/…`); derived from updatedAt until then. */
  primaryTaskSetId?: string;
}

export interface TargetGroupRecord {
  name: string;
  arn: string;
  protocol: 'HTTP' | 'HTTPS' | 'TCP';
  port: number;
  vpcId: string;
  targetType: 'instance' | 'ip' | 'lambda' | 'alb';
  loadBalancerArns: string[];
  healthCheckPath: string;
}

export interface ComputeState {
  lambdaFunctions: LambdaFunctionRecord[];
  taskDefinitions: TaskDefinitionRecord[];
  clusters: ClusterRecord[];
  services: EcsServiceRecord[];
  targetGroups: TargetGroupRecord[];
}

export function emptyCompute(): ComputeState {
  return { lambdaFunctions: [], taskDefinitions: [], clusters: [], services: [], targetGroups: [] };
}
