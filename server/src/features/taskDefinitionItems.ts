/**
 * Completion of `LoadBalancerInfo.ContainerName` and `ContainerPort` in an ECS AppSpec from the task definition file
 * beside it (`taskdef.json`, or the `appspec.taskDefinitionFile` one): the container names, and the ports the named
 * container maps (every container's ports when the name is not known yet).
 */
import { accountTargets, taskDefinitionOffer, type AppSpecDocument, type WorkspaceFs } from '../../../engine/index';
import type { ValueDoc } from './catalog';
import type { CursorContext } from './cursorContext';
import { bundleRootOf } from './paths';

/** The values to offer at the cursor, or undefined when the cursor is not in one of those two values. */
export function taskDefinitionValues(
  doc: AppSpecDocument,
  ctx: CursorContext,
  fs: WorkspaceFs | undefined,
  taskDefinitionFile?: string,
): ValueDoc[] | undefined {
  if (doc.platform.platform !== 'ecs' || !fs) return undefined;
  const keys = ctx.path.filter((s): s is string => typeof s === 'string').map((s) => s.toLowerCase());
  const key = keys[keys.length - 1];
  if (keys[keys.length - 2] !== 'loadbalancerinfo' || (key !== 'containername' && key !== 'containerport'))
    return undefined;
  const bundleRoot = bundleRootOf(doc.uri);
  if (!bundleRoot) return undefined;
  const offer = taskDefinitionOffer(doc, {
    bundleRoot,
    fileName: '',
    fs,
    ...(taskDefinitionFile ? { taskDefinitionFile } : {}),
  });
  if (!offer) return undefined;
  if (key === 'containername') {
    return offer.containers.map((c) => ({
      value: c.name,
      description: `Container of ${offer.file}${c.ports.length ? ` (maps ${c.ports.join(', ')})` : ''}.`,
    }));
  }
  const named = accountTargets(doc).ecs.find((r) => r.containerName)?.containerName?.value;
  const from =
    named && offer.containers.some((c) => c.name === named)
      ? offer.containers.filter((c) => c.name === named)
      : offer.containers;
  const ports = new Map<number, string[]>();
  for (const c of from) for (const p of c.ports) ports.set(p, [...(ports.get(p) ?? []), c.name]);
  return [...ports].map(([port, names]) => ({
    value: String(port),
    description: `Container port of \`${names.join('`, `')}\` in ${offer.file}.`,
  }));
}
