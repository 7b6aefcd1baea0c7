/**
 * The explorer tree as data: CodeDeploy API answers → plain node descriptors. No vscode here; the
 * TreeDataProvider (provider.ts) only maps descriptors to TreeItems. `loadChildren` never throws:
 * failures become an error node with "Retry", empty lists a placeholder node.
 */
import { scriptableEventNames } from '../../../engine/index';
import type { ApplicationInfo, DeploymentGroupInfo, DeploymentInfo, DeploymentTarget } from '../aws/api';
import { consoleUrl } from './consoleUrl';
import { filterLabel, groupFilterDecoration, GroupDeploymentList, isEmptyFilter } from './deploymentList';
export { groupFilterDecoration } from './deploymentList';
import { describeTarget, lastUpdated, targetEvents, targetId, targetStatus } from './targets';
import {
  CONTEXT,
  keyId,
  type ExplorerApi,
  type LoaderKey,
  type ModelOptions,
  type NodeData,
  type NodeDescriptor,
} from './types';

export * from './types';
export { targetEvents, targetId, targetStatus } from './targets';
import {
  codeBlock,
  creatorLabel,
  durationBetween,
  escapeMarkdown,
  formatAge,
  formatDuration,
  isFinalStatus,
  platformIcon,
  platformLabel,
  shortConfigName,
  statusIcon,
  toMillis,
} from './format';

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

function errorInfo(err: unknown): NonNullable<NodeData['error']> {
  const e = (err && typeof err === 'object' ? err : {}) as { name?: unknown; code?: unknown; action?: unknown };
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { name: str(e.name), code: str(e.code), action: str(e.action), message: errorMessage(err) };
}

export function errorNode(key: LoaderKey, err: unknown): NodeDescriptor {
  const message = errorMessage(err);
  return {
    id: `${keyId(key)}#error`,
    label: 'Could not load: ' + message.split('\n')[0],
    description: 'Retry',
    tooltip: `${escapeMarkdown(message)}\n\nClick to retry.`,
    iconId: 'error',
    iconColor: 'errorForeground',
    contextValue: CONTEXT.error,
    collapsible: 'none',
    command: { command: 'codedeploy.retry', title: 'Retry' },
    data: { retry: key, error: errorInfo(err) },
  };
}

/** Splits a long message into lines of at most `width` characters, at spaces where possible. */
export function wrapText(text: string, width = 72): string[] {
  const out: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = '';
      }
      for (let w = word; w; w = w.slice(width)) {
        if (w.length > width) out.push(w.slice(0, width));
        else line = line ? `${line} ${w}` : w;
        if (w.length <= width) break;
      }
    }
    if (line) out.push(line);
  }
  return out;
}

/** The error node, then the whole message as detail rows (the label alone is cut at the view's width). */
export function errorNodes(key: LoaderKey, err: unknown): NodeDescriptor[] {
  const head = errorNode(key, err);
  const lines = wrapText(errorMessage(err));
  if (lines.length <= 1 && head.label.length <= 60) return [head];
  return [
    head,
    ...lines.map((line, i) => ({
      id: `${keyId(key)}#error-${i}`,
      label: line,
      tooltip: head.tooltip,
      iconId: 'blank',
      contextValue: CONTEXT.errorDetail,
      collapsible: 'none' as const,
      data: {},
    })),
  ];
}

export function placeholderNode(key: LoaderKey, label: string): NodeDescriptor {
  return {
    id: `${keyId(key)}#empty`,
    label,
    iconId: 'info',
    contextValue: CONTEXT.placeholder,
    collapsible: 'none',
    data: {},
  };
}

export function applicationNodes(apps: ApplicationInfo[], opts: ModelOptions): NodeDescriptor[] {
  return [...apps]
    .sort((a, b) => (a.applicationName ?? '').localeCompare(b.applicationName ?? ''))
    .map((app) => {
      const name = app.applicationName ?? '';
      const platform = app.computePlatform;
      return {
        id: `app:${name}`,
        label: name,
        description: platformLabel(platform),
        tooltip:
          `**${escapeMarkdown(name)}**\n\n${platformLabel(platform)}` +
          (app.createTime ? `\n\nCreated ${formatAge(app.createTime, opts.now)}` : ''),
        iconId: platformIcon(platform),
        contextValue: CONTEXT.application,
        collapsible: 'collapsed',
        children: { kind: 'groups', application: name, platform },
        data: {
          application: name,
          platform,
          copyId: name,
          consoleUrl: opts.consoleRegion
            ? consoleUrl(opts.consoleRegion, { kind: 'application', application: name })
            : undefined,
        },
      } satisfies NodeDescriptor;
    });
}

/** "2 EC2 tag filters", "cluster/service", "1 Auto Scaling group", … */
export function targetSummary(g: DeploymentGroupInfo): string {
  const parts: string[] = [];
  const ecs = g.ecsServices ?? [];
  if (ecs.length) parts.push(ecs.map((s) => `${s.clusterName ?? '?'}/${s.serviceName ?? '?'}`).join(', '));
  const tags = (g.ec2TagFilters?.length ?? 0) + (g.ec2TagSet?.ec2TagSetList?.flat().length ?? 0);
  if (tags) parts.push(`${tags} EC2 tag filter${tags === 1 ? '' : 's'}`);
  const onPrem =
    (g.onPremisesInstanceTagFilters?.length ?? 0) + (g.onPremisesTagSet?.onPremisesTagSetList?.flat().length ?? 0);
  if (onPrem) parts.push(`${onPrem} on-premises tag filter${onPrem === 1 ? '' : 's'}`);
  const asg = g.autoScalingGroups?.length ?? 0;
  if (asg) parts.push(`${asg} Auto Scaling group${asg === 1 ? '' : 's'}`);
  if (!parts.length && g.computePlatform === 'Lambda') parts.push('Lambda function alias');
  return parts.join(' · ');
}

export function groupNodes(application: string, groups: DeploymentGroupInfo[], opts: ModelOptions): NodeDescriptor[] {
  return [...groups]
    .sort((a, b) => (a.deploymentGroupName ?? '').localeCompare(b.deploymentGroupName ?? ''))
    .map((g) => {
      const name = g.deploymentGroupName ?? '';
      const config = shortConfigName(g.deploymentConfigName);
      const summary = targetSummary(g);
      const style =
        g.deploymentStyle?.deploymentType === 'BLUE_GREEN'
          ? 'blue/green'
          : g.computePlatform === 'Server'
            ? 'in-place'
            : '';
      const last = g.lastAttemptedDeployment;
      const tooltip = [
        `**${escapeMarkdown(name)}**`,
        `Deployment config: \`${g.deploymentConfigName ?? 'default'}\``,
        summary ? `Targets: ${escapeMarkdown(summary)}` : '',
        style ? `Style: ${style}` : '',
        last?.deploymentId ? `Last deployment: ${escapeMarkdown(last.deploymentId)} (${last.status ?? '?'})` : '',
      ].filter(Boolean);
      const base = {
        description: [config, summary].filter(Boolean).join(' · '),
        tooltip: tooltip.join('\n\n'),
        contextValue: CONTEXT.deploymentGroup + (g.lastSuccessfulDeployment?.deploymentId ? '.lastSuccessful' : ''),
        data: { summary: [config, summary].filter(Boolean).join(' · ') },
      };
      return {
        id: `group:${application}/${name}`,
        label: name,
        ...base,
        ...groupFilterDecoration(base, opts.filterOf?.(application, name)),
        collapsible: 'collapsed',
        children: { kind: 'deployments', application, group: name, platform: g.computePlatform },
        data: {
          application,
          group: name,
          platform: g.computePlatform,
          summary: base.data.summary,
          copyId: name,
          consoleUrl: opts.consoleRegion
            ? consoleUrl(opts.consoleRegion, { kind: 'deploymentGroup', application, group: name })
            : undefined,
        },
      } satisfies NodeDescriptor;
    });
}

/**
 * Continue (ContinueDeployment) is possible for a blue/green deployment while it waits to reroute (Ready) or
 * during the termination wait. In-place and Lambda deployments never wait to be continued.
 */
export function continueWaitType(d: DeploymentInfo): 'READY_WAIT' | 'TERMINATION_WAIT' | undefined {
  if (d.computePlatform === 'Lambda' || d.deploymentStyle?.deploymentType === 'IN_PLACE') return undefined;
  if (d.status === 'Ready') return 'READY_WAIT';
  if ((d.status === 'InProgress' || d.status === 'Baking') && d.instanceTerminationWaitTimeStarted)
    return 'TERMINATION_WAIT';
  return undefined;
}

export function deploymentContextValue(d: DeploymentInfo): string {
  let v: string = CONTEXT.deployment;
  if (!isFinalStatus(d.status)) v += '.active';
  const wait = continueWaitType(d);
  if (wait === 'READY_WAIT') v += '.readyWait';
  if (wait === 'TERMINATION_WAIT') v += '.terminationWait';
  if (d.revision) v += '.revision';
  return v;
}

function newestFirst(a: DeploymentInfo, b: DeploymentInfo): number {
  return (toMillis(b.createTime) ?? 0) - (toMillis(a.createTime) ?? 0);
}

export function deploymentNode(d: DeploymentInfo, opts: ModelOptions): NodeDescriptor {
  const id = d.deploymentId ?? '';
  const icon = statusIcon(d.status);
  const age = formatAge(d.createTime, opts.now);
  const creator = creatorLabel(d.creator);
  const rollback = d.rollbackInfo?.rollbackDeploymentId ? `rolled back by ${d.rollbackInfo.rollbackDeploymentId}` : '';
  const lines = [
    `**${escapeMarkdown(id)}**: ${d.status ?? 'unknown'}`,
    d.description ? escapeMarkdown(d.description) : '',
    `Config: \`${d.deploymentConfigName ?? 'default'}\``,
    d.createTime ? `Created ${age}${creator ? ' ' + creator : ''}` : '',
    d.completeTime
      ? `Took ${formatDuration(durationBetween(d.startTime ?? d.createTime, d.completeTime, opts.now))}`
      : '',
    d.errorInformation?.code
      ? `**${escapeMarkdown(d.errorInformation.code)}**: ${escapeMarkdown(d.errorInformation.message ?? '')}`
      : '',
    ...(d.deploymentStatusMessages ?? []).map((m) => escapeMarkdown(m)),
    rollback ? escapeMarkdown(rollback) : '',
  ].filter(Boolean);
  return {
    id: `dep:${id}`,
    label: id,
    description: [d.status, age, creator].filter(Boolean).join(' · '),
    tooltip: lines.join('\n\n'),
    iconId: icon.iconId,
    iconColor: icon.color,
    contextValue: deploymentContextValue(d),
    collapsible: 'collapsed',
    children: { kind: 'targets', deploymentId: id, platform: d.computePlatform },
    live: !isFinalStatus(d.status),
    data: {
      application: d.applicationName,
      group: d.deploymentGroupName,
      deploymentId: id,
      platform: d.computePlatform,
      status: d.status,
      copyId: id,
      consoleUrl: opts.consoleRegion
        ? consoleUrl(opts.consoleRegion, { kind: 'deployment', deploymentId: id })
        : undefined,
    },
  };
}

export function deploymentNodes(
  application: string,
  group: string,
  deployments: DeploymentInfo[],
  nextToken: string | undefined,
  opts: ModelOptions,
): NodeDescriptor[] {
  const nodes = [...deployments].sort(newestFirst).map((d) => deploymentNode(d, opts));
  if (nextToken) {
    nodes.push({
      id: `group:${application}/${group}#more`,
      label: 'Load more…',
      iconId: 'ellipsis',
      contextValue: CONTEXT.loadMore,
      collapsible: 'none',
      command: { command: 'codedeploy.loadMore', title: 'Load More Deployments' },
      data: { application, group, retry: { kind: 'deployments', application, group } },
    });
  }
  return nodes;
}

export function targetNodes(deploymentId: string, targets: DeploymentTarget[], opts: ModelOptions): NodeDescriptor[] {
  return [...targets]
    .sort((a, b) => targetId(a).localeCompare(targetId(b)))
    .map((t) => {
      const tid = targetId(t);
      const status = targetStatus(t);
      const { label, detail, icon } = describeTarget(t);
      const st = statusIcon(status);
      const failed = targetEvents(t).find((e) => e.status === 'Failed');
      return {
        id: `target:${deploymentId}/${tid}`,
        label,
        description: [status, detail].filter(Boolean).join(' · '),
        tooltip: [
          `**${escapeMarkdown(tid)}**: ${status ?? 'unknown'}`,
          detail ? escapeMarkdown(detail) : '',
          failed ? `Failed at **${escapeMarkdown(failed.lifecycleEventName ?? '?')}**` : '',
          lastUpdated(t) ? `Updated ${formatAge(lastUpdated(t), opts.now)}` : '',
        ]
          .filter(Boolean)
          .join('\n\n'),
        iconId: status === 'Failed' || status === 'Succeeded' || status === 'InProgress' ? st.iconId : icon,
        iconColor: st.color,
        contextValue: CONTEXT.target,
        collapsible: targetEvents(t).length ? (failed ? 'expanded' : 'collapsed') : 'none',
        children: { kind: 'events', deploymentId, targetId: tid },
        live: status === 'InProgress' || status === 'Pending' || status === 'Ready',
        data: { deploymentId, targetId: tid, status, copyId: tid },
      } satisfies NodeDescriptor;
    });
}

/** Hook events (scripts or functions can run there) of the target's platform: only those open in an AppSpec. */
function hookEventsOf(target: DeploymentTarget): Set<string> {
  const platform = target.lambdaTarget ? 'lambda' : target.ecsTarget ? 'ecs' : 'ec2';
  return new Set(scriptableEventNames(platform));
}

export function eventNodes(deploymentId: string, target: DeploymentTarget, opts: ModelOptions): NodeDescriptor[] {
  const tid = targetId(target);
  const hooks = hookEventsOf(target);
  return targetEvents(target).map((e, i) => {
    const name = e.lifecycleEventName ?? `event ${i + 1}`;
    const st = statusIcon(e.status);
    const duration = formatDuration(durationBetween(e.startTime, e.endTime, opts.now));
    const dg = e.diagnostics;
    const failed = e.status === 'Failed';
    const description = [e.status, duration, failed && dg?.errorCode ? dg.errorCode : ''].filter(Boolean).join(' · ');
    const tooltip = [
      `**${escapeMarkdown(name)}**: ${e.status ?? 'unknown'}${duration ? ` (${duration})` : ''}`,
      dg?.errorCode && dg.errorCode !== 'Success' ? `Error code: **${escapeMarkdown(dg.errorCode)}**` : '',
      dg?.scriptName ? `Script: \`${dg.scriptName.replace(/`/g, "'")}\`` : '',
      dg?.message ? escapeMarkdown(dg.message) : '',
      dg?.logTail ? `Log tail:\n\n${codeBlock(dg.logTail)}` : '',
    ].filter(Boolean);
    return {
      id: `event:${deploymentId}/${tid}/${i}:${name}`,
      label: name,
      description,
      tooltip: tooltip.join('\n\n'),
      iconId: st.iconId,
      iconColor: st.color,
      // "Open Hook in AppSpec" is offered for failed hooks; reserved events (AllowTraffic…) are not in an AppSpec.
      contextValue: CONTEXT.lifecycleEvent + (failed ? (hooks.has(name) ? '.failed' : '.failedReserved') : ''),
      collapsible: 'none',
      live: e.status === 'InProgress' || e.status === 'Pending',
      data: { deploymentId, targetId: tid, eventName: name, status: e.status },
    } satisfies NodeDescriptor;
  });
}

/** Loads the children of a node. Never throws: errors become an error node. */
export async function loadChildren(api: ExplorerApi, key: LoaderKey, opts: ModelOptions): Promise<NodeDescriptor[]> {
  try {
    switch (key.kind) {
      case 'applications': {
        const names = await api.listApplications();
        if (!names.length) return [placeholderNode(key, 'No applications in this region')];
        const apps = await api.batchGetApplications(names);
        return applicationNodes(apps, opts);
      }
      case 'groups': {
        const names = await api.listDeploymentGroups(key.application);
        if (!names.length) return [placeholderNode(key, 'No deployment groups')];
        const groups = await api.batchGetDeploymentGroups(key.application, names);
        return groupNodes(key.application, groups, opts);
      }
      case 'deployments': {
        const list =
          opts.deploymentList?.(key.application, key.group) ??
          new GroupDeploymentList(key.application, key.group, opts.filterOf?.(key.application, key.group));
        const { deployments, nextToken } = await list.current(api, opts.now);
        if (!deployments.length)
          return [
            placeholderNode(
              key,
              isEmptyFilter(list.filter)
                ? 'No deployments yet'
                : `No deployments match the filter (${filterLabel(list.filter)})`,
            ),
          ];
        return deploymentNodes(key.application, key.group, deployments, nextToken, opts);
      }
      case 'targets': {
        const ids = await api.listDeploymentTargets(key.deploymentId);
        if (!ids.length) return [placeholderNode(key, 'No targets yet')];
        const targets = await api.batchGetDeploymentTargets(key.deploymentId, ids);
        return targetNodes(key.deploymentId, targets, opts);
      }
      case 'events': {
        const [target] = await api.batchGetDeploymentTargets(key.deploymentId, [key.targetId]);
        const nodes = target ? eventNodes(key.deploymentId, target, opts) : [];
        return nodes.length ? nodes : [placeholderNode(key, 'No lifecycle events yet')];
      }
    }
  } catch (err) {
    return errorNodes(key, err);
  }
}
