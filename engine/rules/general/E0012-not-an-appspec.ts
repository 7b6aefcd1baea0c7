import { isMap, isSeq, type Pair, type YAMLMap } from 'yaml';
import type { AppSpecDocument, Rule } from '../../types';
import { ALL_PLATFORMS } from '../../types';
import { findPair, getValue, keyText, pairsOf, scalarString } from '../../ast';

export const NOT_AN_APPSPEC_ID = 'E0012';

const APPSPEC_KEYS = ['os', 'files', 'permissions', 'hooks', 'file_exists_behavior'];

interface Verdict {
  what: string;
  pair: Pair;
}

function cloudFormationResources(root: YAMLMap): boolean {
  const resources = getValue(root, 'Resources');
  if (!isMap(resources)) return false;
  return (
    pairsOf(resources).some((p) => {
      const type = scalarString(getValue(p.value, 'Type'));
      return (
        !!type && /^(AWS|Custom|Alexa)::/.test(type) && type !== 'AWS::ECS::Service' && type !== 'AWS::Lambda::Function'
      );
    }) || pairsOf(resources).length > 1
  );
}

/** What kind of file this is when it is clearly not an AppSpec. */
export function recognizeOtherFile(doc: AppSpecDocument): Verdict | undefined {
  const root = doc.root;
  if (!root) return undefined;
  const has = (k: string) => findPair(root, k);
  const cfnMarker = has('AWSTemplateFormatVersion') ?? has('Transform');
  if (cfnMarker) {
    const sam = scalarString(getValue(root, 'Transform'))?.includes('Serverless');
    return { what: sam ? 'an AWS SAM template' : 'an AWS CloudFormation template', pair: cfnMarker };
  }
  if (APPSPEC_KEYS.some((k) => has(k)) || findPair(root, 'Hooks', { caseInsensitive: true })) return undefined;
  if (has('Resources') && cloudFormationResources(root)) {
    const sam = pairsOf(getValue(root, 'Resources')).some((p) =>
      scalarString(getValue(p.value, 'Type'))?.startsWith('AWS::Serverless::'),
    );
    return { what: sam ? 'an AWS SAM template' : 'an AWS CloudFormation template', pair: has('Resources')! };
  }
  if (has('phases')) return { what: 'an AWS CodeBuild buildspec', pair: has('phases')! };
  if (has('apiVersion') && has('kind')) return { what: 'a Kubernetes manifest', pair: has('kind')! };
  if (has('jobs') && (has('on') || has('name'))) return { what: 'a GitHub Actions workflow', pair: has('jobs')! };
  if (has('services') && isMap(getValue(root, 'services')) && !has('Resources'))
    return { what: 'a Docker Compose file', pair: has('services')! };
  if (has('containerDefinitions') || (has('family') && has('taskRoleArn'))) {
    return { what: 'an Amazon ECS task definition', pair: (has('containerDefinitions') ?? has('family'))! };
  }
  if (has('service') && has('provider') && has('functions'))
    return { what: 'a Serverless Framework file', pair: has('provider')! };
  if (has('stages') && isSeq(getValue(root, 'stages'))) return { what: 'a CI pipeline file', pair: has('stages')! };
  return undefined;
}

export const notAnAppSpec: Rule = {
  id: NOT_AN_APPSPEC_ID,
  name: 'not-an-appspec',
  severity: 'error',
  platforms: ALL_PLATFORMS,
  reads: 'text',
  title: 'The file is not an AppSpec (buildspec, CloudFormation/SAM template, Kubernetes manifest, …)',
  doc:
    'The file is named or configured like an AppSpec but holds something else: a CodeBuild buildspec (`phases`), a CloudFormation or SAM template ' +
    '(`AWSTemplateFormatVersion`, `Transform`, a `Resources` mapping of other AWS types), a Kubernetes manifest (`apiVersion` + `kind`), ' +
    'a Docker Compose file, a GitHub Actions workflow or an ECS task definition. CodeDeploy cannot use it. Only this finding is reported ' +
    'for such files; rename the file, or remove it from the `appspec.files` setting.',
  check(doc) {
    const v = recognizeOtherFile(doc);
    if (!v) return [];
    return [
      {
        ruleId: NOT_AN_APPSPEC_ID,
        message: `This looks like ${v.what}, not a CodeDeploy AppSpec (found \`${keyText(v.pair)}\`). CodeDeploy cannot deploy with it; no other checks were made.`,
        range: doc.keyRangeOf(v.pair),
      },
    ];
  },
};
