import { isSeq } from 'yaml';
import type { Rule } from '../../types';
import { ALL_PLATFORMS } from '../../types';

export const notAMapping: Rule = {
  id: 'E0002',
  name: 'document-not-a-mapping',
  severity: 'error',
  platforms: ALL_PLATFORMS,
  reads: 'text',
  title: 'The AppSpec is empty or is not a mapping of keys',
  doc:
    'An AppSpec is a mapping whose keys are `version`, `os`, `files`, … (EC2/On-Premises) or `version`, `Resources`, `Hooks` (ECS, Lambda). ' +
    'An empty, whitespace-only or comment-only file fails with "the application specification file was empty"; ' +
    'a list or a single value at the top level makes the agent fail with a type error.',
  check(doc) {
    if (doc.skipped || !doc.yaml || doc.root) return [];
    if (doc.syntaxErrors.some((p) => p.severity === 'error')) return [];
    const contents = doc.yaml.contents;
    const empty =
      contents === null ||
      contents === undefined ||
      (typeof contents === 'object' && 'value' in contents && (contents.value === null || contents.value === ''));
    if (empty) {
      const end = doc.text.length;
      return [
        {
          ruleId: 'E0002',
          message:
            'The AppSpec is empty. It must define at least `version: 0.0` and, for EC2/On-Premises, `os`; for ECS and Lambda, `Resources`.',
          range: doc.rangeOf([0, Math.min(end, doc.lines.offsetAt({ line: 0, character: Number.MAX_SAFE_INTEGER }))]),
        },
      ];
    }
    const what = isSeq(contents) ? 'a list' : 'a single value';
    return [
      {
        ruleId: 'E0002',
        message: `The AppSpec holds ${what} at the top level; it must be a mapping of keys such as \`version\`, \`os\`, \`hooks\` or \`Resources\`.`,
        range: doc.rangeOf(contents as { range?: [number, number, number] }),
      },
    ];
  },
};
