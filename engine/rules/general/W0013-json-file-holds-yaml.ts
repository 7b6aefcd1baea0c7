import type { Rule } from '../../types';
import { ALL_PLATFORMS } from '../../types';

export const jsonFileHoldsYaml: Rule = {
  id: 'W0013',
  name: 'json-file-holds-yaml',
  severity: 'warning',
  platforms: ALL_PLATFORMS,
  reads: 'text',
  title: 'A `.json` file holds YAML',
  doc:
    'The file name ends in `.json` but the content is YAML. Tools that pick the revision type from the extension (CodePipeline, ' +
    '`aws deploy`, S3 `bundleType: JSON`) then hand YAML to a JSON parser and the deployment fails. Rename the file to `appspec.yaml`/`appspec.yml`, ' +
    'or convert the content to JSON.',
  check(doc) {
    if (doc.format !== 'json' || doc.skipped || !doc.root) return [];
    if (!/\.json$/i.test(doc.uri.split(/[?#]/)[0])) return [];
    const body = doc.text.replace(/^\uFEFF/, '');
    const first = /\S/.exec(body);
    if (!first || first[0] === '{' || first[0] === '[') return [];
    const at = first.index + (doc.text.length - body.length);
    const end = doc.lines.offsetAt({ line: doc.lines.positionAt(at).line, character: Number.MAX_SAFE_INTEGER });
    return [
      {
        ruleId: 'W0013',
        message:
          'This `.json` file holds YAML, not JSON. Tools that go by the extension will fail to read it: rename it to `.yaml`/`.yml` or convert it to JSON.',
        range: doc.rangeOf([at, end]),
      },
    ];
  },
};
