/**
 * The deploy flow's questions about the target: application and deployment group of the AppSpec's
 * compute platform, and the deployment configuration (only those of that platform).
 */
import * as vscode from 'vscode';
import type { CodeDeployApi } from '../aws/api';
import type { Ctx } from '../ctx';
import { orCancel } from './cancel';
import { applicationsFor, configsFor, groupsFor, orderConfigs, type ComputePlatformName } from './plan';

export async function pickApplication(
  api: CodeDeployApi,
  platform: ComputePlatformName,
  remembered?: string,
): Promise<string> {
  const names = await api.listApplications();
  const apps = applicationsFor(await api.batchGetApplications(names), platform);
  if (!apps.length)
    throw new Error(
      `No ${platform === 'Server' ? 'EC2/On-Premises' : platform} application in this connection. Create one first (for example in the AWS console), then deploy again.`,
    );
  const items = apps.map((a) => ({
    label: a.applicationName ?? '',
    description: a.applicationName === remembered ? 'last used' : undefined,
  }));
  items.sort((a, b) => (a.label === remembered ? -1 : b.label === remembered ? 1 : 0));
  if (items.length === 1) return items[0].label;
  return orCancel(await vscode.window.showQuickPick(items, { title: `Deploy: application (${platform})` })).label;
}

export async function pickGroup(
  api: CodeDeployApi,
  application: string,
  platform: ComputePlatformName,
  remembered?: string,
  fixed?: string,
) {
  const names = await api.listDeploymentGroups(application);
  const groups = groupsFor(await api.batchGetDeploymentGroups(application, names), platform);
  if (!groups.length)
    throw new Error(`Application ${application} has no deployment group for this AppSpec's platform.`);
  if (fixed) {
    const g = groups.find((x) => x.deploymentGroupName === fixed);
    if (!g)
      throw new Error(`Deployment group ${fixed} is not a ${platform} group, but this AppSpec is for ${platform}.`);
    return g;
  }
  const items = groups.map((g) => ({
    label: g.deploymentGroupName ?? '',
    description: g.deploymentConfigName,
    info: g,
  }));
  items.sort((a, b) => (a.label === remembered ? -1 : b.label === remembered ? 1 : 0));
  if (items.length === 1) return items[0].info;
  return orCancel(await vscode.window.showQuickPick(items, { title: `Deploy: deployment group of ${application}` }))
    .info;
}

export async function pickConfig(
  ctx: Ctx,
  api: CodeDeployApi,
  application: string,
  group: string,
  groupDefault: string | undefined,
  platform: ComputePlatformName,
): Promise<string | undefined> {
  const remembered = ctx.memory.lastConfig(application, group);
  let names: string[] = [];
  try {
    const all = await api.listDeploymentConfigs();
    // Custom configurations say their compute platform only through GetDeploymentConfig.
    const custom = new Map<string, string | undefined>();
    await Promise.all(
      all
        .filter((n) => !n.startsWith('CodeDeployDefault.'))
        .map(async (n) => {
          try {
            custom.set(n, (await api.getDeploymentConfig(n)).computePlatform);
          } catch (err) {
            ctx.log.warn(`could not read deployment configuration ${n}: ${(err as Error).message}`);
          }
        }),
    );
    names = configsFor(all, platform, custom);
  } catch (err) {
    ctx.log.warn(`could not list deployment configurations: ${(err as Error).message}`);
  }
  const ordered = orderConfigs(names, remembered, undefined).filter((n) => n !== groupDefault);
  const GROUP = `$(symbol-namespace) The group's configuration`;
  const items = [
    { label: GROUP, description: groupDefault ?? 'default', name: undefined as string | undefined },
    ...ordered.map((n) => ({
      label: n,
      description: n === remembered ? 'last used' : undefined,
      name: n as string | undefined,
    })),
  ];
  if (remembered && ordered.includes(remembered)) items.unshift(items.splice(1, 1)[0]);
  const pick = orCancel(
    await vscode.window.showQuickPick(items, {
      title: `Deploy: deployment configuration for ${group} (${platform === 'Server' ? 'EC2/On-Premises' : platform})`,
    }),
  );
  // Remembered once CodeDeploy accepts the deployment (deployFlow), never a choice it refused.
  return pick.name;
}
