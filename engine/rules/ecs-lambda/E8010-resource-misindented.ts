import type { Rule } from '../../types';
import { keyText, pairsOf } from '../../ast';
import { pairCI, resourceEntries, stringValue, valueOf, type ResourceEntry } from './model';
import { ECS_PROPERTIES, LAMBDA_PROPERTIES, RESOURCE_TYPES } from './names';

const KNOWN_PROPERTIES = [...Object.keys(ECS_PROPERTIES.keys), ...Object.keys(LAMBDA_PROPERTIES.keys)].map((k) =>
  k.toLowerCase(),
);
const KNOWN_TYPES = Object.values(RESOURCE_TYPES).map((t) => t.toLowerCase());

/** Only entries that are clearly ECS/Lambda resources: the platform is unknown, so other YAML must stay quiet. */
function looksLikeAppSpecResource(e: ResourceEntry): boolean {
  const type = stringValue(valueOf(pairCI(e.body, 'Type')));
  if (type && KNOWN_TYPES.includes(type.toLowerCase())) return true;
  return pairsOf(valueOf(pairCI(e.body, 'Properties'))).some((p) =>
    KNOWN_PROPERTIES.includes((keyText(p) ?? '').toLowerCase()),
  );
}
import { misindentFinding, namelessFinding } from './shapes';

/**
 * A resource whose `Type`/`Properties` are not indented under its name, in a file whose platform
 * could not be told because of it (with a known platform, E6001/E7001 report the same thing).
 */
export const resourceMisindented: Rule = {
  id: 'E8010',
  name: 'resource-misindented',
  severity: 'error',
  platforms: ['unknown'],
  reads: 'tree',
  title: 'Resource Type and Properties are not nested under a resource name',
  doc:
    'Each `Resources` entry is a resource name with `Type` and `Properties` indented under it (`- MyFunction:` then ' +
    '`Type: …` two spaces further in). When `Type`/`Properties` sit at the same column as the name, or the name line ' +
    'is missing altogether, the resource has no `Type` as far as CodeDeploy is concerned and the platform of the file ' +
    'cannot be told. This rule covers files whose platform is unknown for that reason; with a known platform the same ' +
    'mistakes are reported by E6001 (ECS) or E7001 (Lambda). Fix: indent `Type` and `Properties` under the name, or ' +
    'add the name line (quick fixes; ECS resources are named `TargetService`).',
  check: (doc) =>
    resourceEntries(doc)
      .filter(looksLikeAppSpecResource)
      .flatMap((e) =>
        e.misIndented
          ? [misindentFinding(doc, 'E8010', e)]
          : e.nameless
            ? [namelessFinding(doc, 'E8010', e, 'unknown')]
            : [],
      ),
};
