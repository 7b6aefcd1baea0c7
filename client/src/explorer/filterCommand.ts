/**
 * "Filter Deployments…" on a deployment group: pick statuses and a time window (or clear), then the
 * group lists its deployments again with ListDeployments' own filters.
 */
import * as vscode from 'vscode';
import type { DeploymentStatus } from '../aws/api';
import { FILTER_STATUSES, TIME_WINDOWS, filterLabel, type DeploymentFilter, type TimeWindow } from './deploymentList';
import type { ExplorerProvider } from './provider';
import type { NodeData } from './types';

export async function filterDeployments(explorer: ExplorerProvider, data: NodeData): Promise<void> {
  const { application, group } = data;
  if (!application || !group) {
    void vscode.window.showInformationMessage('Choose "Filter Deployments…" on a deployment group in the explorer.');
    return;
  }
  const current = explorer.filterOf(application, group);
  const statusItems = FILTER_STATUSES.map((s) => ({ label: s, picked: current?.statuses?.includes(s) ?? false }));
  const picked = await vscode.window.showQuickPick(statusItems, {
    canPickMany: true,
    title: `Deployments of ${group}: which statuses? (none picked = any status)`,
  });
  if (!picked) return;
  type WindowItem = vscode.QuickPickItem & { window?: TimeWindow };
  const windows: WindowItem[] = [
    { label: 'Any time' },
    ...(Object.keys(TIME_WINDOWS) as TimeWindow[]).map((w) => ({
      label: `Created in the ${TIME_WINDOWS[w].label}`,
      window: w,
      ...(current?.window === w ? { description: '(current)' } : {}),
    })),
  ];
  const window = await vscode.window.showQuickPick(windows, { title: `Deployments of ${group}: created when?` });
  if (!window) return;
  const filter: DeploymentFilter = {
    ...(picked.length ? { statuses: picked.map((p) => p.label as DeploymentStatus) } : {}),
    ...(window.window ? { window: window.window } : {}),
  };
  explorer.setFilter(application, group, filter);
  const label = filterLabel(filter);
  vscode.window.setStatusBarMessage(label ? `${group}: showing ${label}` : `${group}: showing all deployments`, 4000);
}

export function clearDeploymentFilter(explorer: ExplorerProvider, data: NodeData): void {
  if (data.application && data.group) explorer.setFilter(data.application, data.group, undefined);
}
