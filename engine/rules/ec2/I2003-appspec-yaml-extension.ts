import type { Rule } from '../../types';
import { fileAnchor, finding, joinRoot } from './util';

export const appspecYamlName: Rule = {
  id: 'I2003',
  name: 'appspec-yaml-extension',
  severity: 'info',
  platforms: ['ec2'],
  reads: 'workspace',
  title: '`appspec.yaml` may not be found by agent v1 hook events',
  doc:
    'Agent v1 (Ruby) falls back to `appspec.yaml` when installing, but its hook events open only the file name the ' +
    'service sends (default `appspec.yml`); whether the service sends `appspec.yaml` for such bundles is not known ' +
    '(an open question in the reference), so this is information, not a warning. Agent v2 handles both names. ' +
    'Naming the file `appspec.yml` is the safe choice.',
  check(doc, ctx) {
    if (ctx.fileName !== 'appspec.yaml') return [];
    if (ctx.fs && ctx.bundleRoot && ctx.fs.stat(joinRoot(ctx.bundleRoot, 'appspec.yml'))?.isFile) return [];
    return [
      finding(
        'I2003',
        'Agent v1 hook events look for `appspec.yml` unless told otherwise; `appspec.yml` is the name every agent finds.',
        fileAnchor(doc),
      ),
    ];
  },
};
