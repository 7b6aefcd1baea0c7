import type { Finding, Rule } from '../../types';
import { sideKeyRange, sideRange } from './sideFile';
import { checkedResources, taskDefinitionFile, taskDefinitionPath, type Container } from './taskDefinitionFile';
import { replaceValue } from './edits';

/** The ports a container maps, for messages: `` `8080`, `9000-9010` ``. */
export function portList(c: Container): string {
  const ports = c.ports
    .filter((p) => !p.unknown)
    .map((p) => (p.from === p.to ? `\`${p.from}\`` : `\`${p.from}-${p.to}\``));
  return ports.length ? ports.join(', ') : 'no port';
}

export const taskDefinitionPortNotMapped: Rule = {
  id: 'E9002',
  name: 'task-definition-port-not-mapped',
  severity: 'error',
  platforms: ['ecs'],
  reads: 'workspace',
  title: "ContainerPort is not in the container's portMappings in the task definition file",
  doc:
    '`LoadBalancerInfo.ContainerPort` must be a `containerPort` (or inside a `containerPortRange`) of the `portMappings` ' +
    'of the container named by `ContainerName` in the task definition deployed with the AppSpec (`taskdef.json` beside ' +
    'it, or the file named by the `appspec.taskDefinitionFile` setting); otherwise the load balancer has no port to send ' +
    'traffic to and the deployment fails. Nothing is reported when the port, the container name or a mapping is a ' +
    'placeholder, when the container is not in the file (that is E9001), or when the AppSpec names another task ' +
    "definition family than the file's. Fix: use a mapped port (the quick fix offers the container's only port), or map " +
    'the port in the task definition.',
  check(doc, ctx) {
    if (!taskDefinitionPath(ctx)) return [];
    const td = taskDefinitionFile(doc, ctx);
    if (!td) return [];
    const out: Finding[] = [];
    for (const r of checkedResources(doc, td)) {
      const name = r.containerName?.value;
      const portText = r.containerPort?.value;
      if (!name || !portText || !/^\d+$/.test(portText)) continue;
      const container = td.containers.find((c) => c.name === name);
      if (!container || container.portsUnknown || container.ports.some((p) => p.unknown)) continue;
      const port = Number(portText);
      if (container.ports.some((p) => p.from! <= port && port <= p.to!)) continue;
      const single = container.ports.length === 1 && container.ports[0].from === container.ports[0].to;
      const at = container.portMappingsPair ?? container.namePair;
      out.push({
        ruleId: 'E9002',
        message:
          `ContainerPort ${port} is not mapped by container \`${name}\` in ${td.name} (its portMappings give ${portList(container)}); ` +
          'the load balancer would have no port to send traffic to.',
        range: r.containerPort!.range,
        related: [
          {
            uri: td.file.uri,
            range: at ? sideKeyRange(td.file, at) : sideRange(td.file, container.node),
            message: `The port mappings of \`${name}\` in ${td.name}: ${portList(container)}.`,
          },
        ],
        fixes:
          single && r.containerPort
            ? [
                {
                  title: `Change ContainerPort to ${container.ports[0].from}`,
                  edits: [replaceValue(r.containerPort, String(container.ports[0].from), r.containerPort.numeric)],
                  isPreferred: true,
                },
              ]
            : [],
      });
    }
    return out;
  },
};
