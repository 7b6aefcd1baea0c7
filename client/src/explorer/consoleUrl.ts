/** Real AWS console addresses for CodeDeploy resources (pure; hidden in local mode by the caller). */

function consoleHost(region: string): string {
  if (region.startsWith('cn-')) return `${region}.console.amazonaws.cn`;
  if (region.startsWith('us-gov-')) return `console.amazonaws-us-gov.com`;
  return `${region}.console.aws.amazon.com`;
}

const enc = encodeURIComponent;

export function consoleUrl(
  region: string,
  resource:
    | { kind: 'application'; application: string }
    | { kind: 'deploymentGroup'; application: string; group: string }
    | { kind: 'deployment'; deploymentId: string },
): string {
  const base = `https://${consoleHost(region)}/codesuite/codedeploy`;
  const q = `?region=${enc(region)}`;
  switch (resource.kind) {
    case 'application':
      return `${base}/applications/${enc(resource.application)}${q}`;
    case 'deploymentGroup':
      return `${base}/applications/${enc(resource.application)}/deployment-groups/${enc(resource.group)}${q}`;
    case 'deployment':
      return `${base}/deployments/${enc(resource.deploymentId)}${q}`;
  }
}
