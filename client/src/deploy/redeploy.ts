/**
 * What "Redeploy" sends: a new deployment of an earlier deployment's revision to the same group.
 * GetDeployment never returns the text of an AppSpecContent revision, so it is read back from the
 * registered revision. No vscode here.
 */
import type { CodeDeployApi, CreateDeploymentInput, DeploymentInfo, RevisionLocation } from '../aws/api';

export type RedeployApi = Pick<CodeDeployApi, 'getDeployment' | 'getRevisionLocation'>;

function hasContent(r: RevisionLocation): boolean {
  if (r.revisionType === 'AppSpecContent') return !!r.appSpecContent?.content;
  if (r.revisionType === 'String') return !!r.string?.content;
  return true;
}

/** The revision to deploy again, with its content when CodeDeploy keeps it. */
export async function revisionToRedeploy(api: RedeployApi, d: DeploymentInfo): Promise<RevisionLocation> {
  const rev = d.revision;
  if (!rev || !d.applicationName) throw new Error(`Deployment ${d.deploymentId ?? ''} has no revision to redeploy.`);
  if (hasContent(rev)) return rev;
  const stored = api.getRevisionLocation ? await api.getRevisionLocation(d.applicationName, rev) : undefined;
  if (stored && hasContent(stored)) return stored;
  throw new Error(
    `CodeDeploy did not return the AppSpec content of ${d.deploymentId ?? 'this deployment'}; deploy the AppSpec file again instead.`,
  );
}

export async function redeployInput(
  api: RedeployApi,
  deploymentId: string,
): Promise<{ input: CreateDeploymentInput; from: DeploymentInfo }> {
  const d = await api.getDeployment(deploymentId);
  if (!d.applicationName || !d.deploymentGroupName)
    throw new Error(`Deployment ${deploymentId} has no application or group.`);
  const revision = await revisionToRedeploy(api, d);
  return {
    from: d,
    input: {
      applicationName: d.applicationName,
      deploymentGroupName: d.deploymentGroupName,
      deploymentConfigName: d.deploymentConfigName,
      revision,
      description: `Redeploy of ${deploymentId} (VS Code)`,
    },
  };
}
