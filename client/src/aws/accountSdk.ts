/**
 * The account checks' reads over the AWS SDK: @aws-sdk/client-lambda, @aws-sdk/client-ecs and
 * @aws-sdk/client-elastic-load-balancing-v2, configured like the CodeDeploy client (credentials,
 * adaptive retries on AWS). In connection `local` they point at the local endpoint, which simulates
 * these reads on the same port; on AWS they use the service endpoints (the CodeDeploy endpoint
 * override is for CodeDeploy only).
 */
import {
  GetAliasCommand,
  GetFunctionCommand,
  LambdaClient,
  ListAliasesCommand,
  ListFunctionsCommand,
  ListVersionsByFunctionCommand,
  type AliasConfiguration,
} from '@aws-sdk/client-lambda';
import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
} from '@aws-sdk/client-ecs';
import { DescribeTargetGroupsCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  ACCOUNT_LIMITS,
  MissingPermissionError,
  missingAction,
  type AccountReader,
  type EcsServiceSummary,
  type LambdaAliasSummary,
  type LambdaFunctionSummary,
  type Lookup,
  type NamedResource,
} from './accountApi';
import type { ConnectionSettings } from './api';
import { scrub, toUserError, type ErrorContext } from './errors';
import { applyRetryPolicy } from './retry';

/** The client configuration the CodeDeploy client uses (sdkApi's `clientConfig`): region, credentials, retries. */
export type AccountClientConfig = {
  region: string;
  credentials: unknown;
  endpoint?: string;
  retryMode: string;
  maxAttempts: number;
  requestHandler: { connectionTimeout: number; requestTimeout: number };
};

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const notFound = (err: unknown, ...names: string[]) =>
  !!err && typeof err === 'object' && names.includes(String((err as { name?: unknown }).name));

function aliasSummary(a: AliasConfiguration): LambdaAliasSummary {
  return {
    name: a.Name ?? '',
    functionVersion: a.FunctionVersion ?? '',
    weights: { ...(a.RoutingConfig?.AdditionalVersionWeights ?? {}) },
  };
}

class SdkAccountReader implements AccountReader {
  private readonly lambda: LambdaClient;
  private readonly ecs: ECSClient;
  private readonly elb: ElasticLoadBalancingV2Client;

  constructor(
    private readonly settings: ConnectionSettings,
    private readonly context: ErrorContext,
    config: AccountClientConfig,
  ) {
    // Only the local endpoint serves Lambda/ECS/ELB at the CodeDeploy URL; on AWS each service has its own.
    const own = { ...config, endpoint: settings.kind === 'local' ? settings.endpoint : undefined } as never;
    this.lambda = new LambdaClient(own);
    this.ecs = new ECSClient(own);
    this.elb = new ElasticLoadBalancingV2Client(own);
    for (const c of [this.lambda, this.ecs, this.elb]) applyRetryPolicy(c, settings.kind === 'local');
  }

  /** Runs one read: an access refusal becomes MissingPermissionError, other failures AwsUserError. */
  private async run<T>(action: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      const missing = missingAction(err, action);
      if (missing) {
        const said = err instanceof Error && err.message ? ` AWS said: ${scrub(err.message, this.settings)}` : '';
        throw new MissingPermissionError(missing, `The connection's credentials are not allowed ${missing}.${said}`);
      }
      throw toUserError(err, this.settings, this.context);
    }
  }

  getFunction(name: string): Promise<LambdaFunctionSummary | undefined> {
    return this.run('lambda:GetFunction', async () => {
      try {
        const r = await this.lambda.send(new GetFunctionCommand({ FunctionName: name }));
        const c = r.Configuration;
        return {
          name: c?.FunctionName ?? name,
          arn: c?.FunctionArn ?? '',
          description: c?.Description,
          runtime: c?.Runtime,
        };
      } catch (err) {
        if (notFound(err, 'ResourceNotFoundException')) return undefined;
        throw err;
      }
    });
  }

  versionExists(functionName: string, version: string): Promise<boolean | undefined> {
    return this.run('lambda:GetFunction', async () => {
      try {
        await this.lambda.send(new GetFunctionCommand({ FunctionName: functionName, Qualifier: version }));
        return true;
      } catch (err) {
        if (!notFound(err, 'ResourceNotFoundException')) throw err;
      }
      return (await this.getFunction(functionName)) ? false : undefined;
    });
  }

  getAlias(functionName: string, alias: string): Promise<LambdaAliasSummary | undefined> {
    return this.run('lambda:GetAlias', async () => {
      try {
        return aliasSummary(await this.lambda.send(new GetAliasCommand({ FunctionName: functionName, Name: alias })));
      } catch (err) {
        if (notFound(err, 'ResourceNotFoundException')) return undefined;
        throw err;
      }
    });
  }

  listPublishedVersions(functionName: string): Promise<string[] | undefined> {
    return this.run('lambda:ListVersionsByFunction', async () => {
      const out: string[] = [];
      let marker: string | undefined;
      try {
        do {
          const r = await this.lambda.send(
            new ListVersionsByFunctionCommand({ FunctionName: functionName, Marker: marker }),
          );
          for (const v of r.Versions ?? []) if (v.Version && /^\d+$/.test(v.Version)) out.push(v.Version);
          marker = r.NextMarker || undefined;
        } while (marker && out.length < ACCOUNT_LIMITS.versions);
      } catch (err) {
        if (notFound(err, 'ResourceNotFoundException')) return undefined;
        throw err;
      }
      return out.sort((a, b) => Number(b) - Number(a));
    });
  }

  listAliases(functionName: string): Promise<LambdaAliasSummary[] | undefined> {
    return this.run('lambda:ListAliases', async () => {
      const out: LambdaAliasSummary[] = [];
      let marker: string | undefined;
      try {
        do {
          const r = await this.lambda.send(new ListAliasesCommand({ FunctionName: functionName, Marker: marker }));
          out.push(...(r.Aliases ?? []).map(aliasSummary));
          marker = r.NextMarker || undefined;
        } while (marker && out.length < ACCOUNT_LIMITS.versions);
      } catch (err) {
        if (notFound(err, 'ResourceNotFoundException')) return undefined;
        throw err;
      }
      return out;
    });
  }

  listFunctions(): Promise<LambdaFunctionSummary[]> {
    return this.run('lambda:ListFunctions', async () => {
      const out: LambdaFunctionSummary[] = [];
      let marker: string | undefined;
      do {
        const r = await this.lambda.send(new ListFunctionsCommand({ Marker: marker }));
        for (const f of r.Functions ?? [])
          if (f.FunctionName)
            out.push({
              name: f.FunctionName,
              arn: f.FunctionArn ?? '',
              description: f.Description,
              runtime: f.Runtime,
            });
        marker = r.NextMarker || undefined;
      } while (marker && out.length < ACCOUNT_LIMITS.functions);
      return out.sort((a, b) => a.name.localeCompare(b.name));
    });
  }

  describeTaskDefinition(ref: string) {
    return this.run('ecs:DescribeTaskDefinition', async () => {
      try {
        const r = await this.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: ref }));
        const td = r.taskDefinition;
        if (!td) return undefined;
        return {
          arn: td.taskDefinitionArn ?? '',
          family: td.family ?? '',
          revision: td.revision ?? 0,
          status: td.status ?? 'ACTIVE',
          networkMode: td.networkMode,
          containers: (td.containerDefinitions ?? []).map((c) => ({
            name: c.name ?? '',
            ports: (c.portMappings ?? []).map((p) => p.containerPort).filter((p): p is number => typeof p === 'number'),
          })),
        };
      } catch (err) {
        // ECS answers ClientException "Unable to describe task definition." for one that does not exist.
        if (
          notFound(err, 'ClientException') &&
          /unable to describe task definition/i.test(String((err as Error).message))
        )
          return undefined;
        throw err;
      }
    });
  }

  describeServices(cluster: string, services: string[]) {
    return this.run('ecs:DescribeServices', async () => {
      const out: Lookup<EcsServiceSummary> = { found: [], missing: [] };
      try {
        for (const part of chunk(services, ACCOUNT_LIMITS.servicesPerCall)) {
          const r = await this.ecs.send(new DescribeServicesCommand({ cluster, services: part }));
          for (const s of r.services ?? []) {
            out.found.push({
              name: s.serviceName ?? '',
              arn: s.serviceArn ?? '',
              status: s.status ?? '',
              taskDefinition: s.taskDefinition,
              deploymentController: s.deploymentController?.type,
              targetGroupArns: (s.loadBalancers ?? []).map((lb) => lb.targetGroupArn).filter((a): a is string => !!a),
            });
          }
          for (const f of r.failures ?? []) out.missing.push(f.arn?.split('/').pop() ?? '');
        }
      } catch (err) {
        if (notFound(err, 'ClusterNotFoundException')) return undefined;
        throw err;
      }
      return out;
    });
  }

  describeClusters(clusters: string[]): Promise<Lookup<NamedResource>> {
    return this.run('ecs:DescribeClusters', async () => {
      const r = await this.ecs.send(new DescribeClustersCommand({ clusters }));
      return {
        found: (r.clusters ?? []).map((c) => ({
          name: c.clusterName ?? '',
          arn: c.clusterArn ?? '',
          status: c.status,
        })),
        missing: (r.failures ?? []).map((f) => f.arn?.split('/').pop() ?? ''),
      };
    });
  }

  describeTargetGroups(names: string[]): Promise<Lookup<NamedResource>> {
    return this.run('elasticloadbalancing:DescribeTargetGroups', async () => {
      const out: Lookup<NamedResource> = { found: [], missing: [] };
      const one = async (list: string[]): Promise<boolean> => {
        try {
          const r = await this.elb.send(new DescribeTargetGroupsCommand({ Names: list }));
          for (const t of r.TargetGroups ?? [])
            out.found.push({ name: t.TargetGroupName ?? '', arn: t.TargetGroupArn ?? '' });
          return true;
        } catch (err) {
          if (notFound(err, 'TargetGroupNotFoundException')) return false;
          throw err;
        }
      };
      for (const part of chunk(names, ACCOUNT_LIMITS.targetGroupsPerCall)) {
        // One missing name fails the whole call: then ask for each name alone to know which.
        if (await one(part)) continue;
        for (const name of part) if (!(await one([name]))) out.missing.push(name);
      }
      return out;
    });
  }

  dispose(): void {
    this.lambda.destroy();
    this.ecs.destroy();
    this.elb.destroy();
  }
}

/** The account reader over the SDK, built with the CodeDeploy client's configuration (sdkApi's `clientConfig`). */
export function createAccountReader(
  settings: ConnectionSettings,
  config: AccountClientConfig,
  context: ErrorContext = {},
): AccountReader & { dispose(): void } {
  return new SdkAccountReader(settings, context, config);
}
