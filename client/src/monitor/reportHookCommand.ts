/**
 * "CodeDeploy: Report Hook Status…": answers a Lambda/ECS hook that waits for its function, as the
 * function would (PutLifecycleEventHookExecutionStatus). The monitor's Report Succeeded / Report
 * Failed buttons do the same; this is the palette's way, and takes `{ deploymentId, executionId,
 * status }` from callers that know them.
 */
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { pickDeployment } from '../deploy/pickDeployment';

type Status = 'Succeeded' | 'Failed';

interface ReportArgs {
  deploymentId?: string;
  executionId?: string;
  status?: Status;
}

function argsOf(arg: unknown): ReportArgs {
  if (!arg || typeof arg !== 'object') return {};
  const a = arg as Record<string, unknown>;
  const data = (a.data && typeof a.data === 'object' ? a.data : a) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  const status = data.status === 'Succeeded' || data.status === 'Failed' ? data.status : undefined;
  return { deploymentId: str(data.deploymentId), executionId: str(data.executionId), status };
}

export async function reportHookStatus(ctx: Ctx, arg: unknown): Promise<boolean> {
  const given = argsOf(arg);
  const deploymentId =
    given.deploymentId ?? (await pickDeployment(ctx, 'report', 'Report a hook status for which deployment?'));
  if (!deploymentId) return false;
  let executionId = given.executionId;
  let label = executionId ?? '';
  if (!executionId) {
    const api = await ctx.connection.api();
    const pending = (await api.listPendingHookExecutions?.(deploymentId)) ?? [];
    if (!pending.length) {
      void vscode.window.showInformationMessage(
        ctx.connection.isLocal
          ? `No hook of ${deploymentId} is waiting for a status.`
          : `AWS does not list waiting hook executions: the hook function reports its own status. (Report Hook Status works with the local endpoint.)`,
      );
      return false;
    }
    const pick =
      pending.length === 1
        ? { execution: pending[0] }
        : await vscode.window.showQuickPick(
            pending.map((p) => ({
              label: p.functionName,
              description: `${p.lifecycleEventName} · ${p.targetId}`,
              execution: p,
            })),
            { title: `Which hook of ${deploymentId}?` },
          );
    if (!pick) return false;
    executionId = pick.execution.lifecycleEventHookExecutionId;
    label = `${pick.execution.lifecycleEventName} (${pick.execution.functionName})`;
  }
  const status =
    given.status ??
    (
      await vscode.window.showQuickPick(
        [
          { label: 'Succeeded', description: 'the deployment goes on', status: 'Succeeded' as const },
          {
            label: 'Failed',
            description: 'the deployment fails (and rolls back when the group says so)',
            status: 'Failed' as const,
          },
        ],
        { title: `Report ${label} as…` },
      )
    )?.status;
  if (!status) return false;
  await ctx.monitors.reportHook(deploymentId, executionId, status);
  return true;
}
