import { isMap, isSeq, type Pair, type YAMLMap } from 'yaml';
import type { AppSpecDocument, Rule } from '../../types';
import { ALL_PLATFORMS } from '../../types';
import { findPair, getValue, keyText, pairsOf, scalarString } from '../../ast';
import { didYouMean } from '../../suggest';

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
  if (has('UserAgent') && /amplify/i.test(scalarString(getValue(root, 'UserAgent')) ?? ''))
    return { what: 'an AWS Amplify configuration', pair: has('UserAgent')! };
  const amplifyKey = pairsOf(root).find((p) =>
    /^aws_(?:project_region|cognito_|user_pools_|appsync_)/.test(keyText(p) ?? ''),
  );
  if (amplifyKey) return { what: 'an AWS Amplify configuration (aws-exports)', pair: amplifyKey };
  if (has('frontend') && (has('backend') || findPair(getValue(root, 'frontend'), 'phases')))
    return { what: 'an AWS Amplify build specification', pair: has('frontend')! };
  if (has('settings') && (has('dependencies') || has('providedAppFiles') || has('people')))
    return { what: "a MoveApps app's appspec.json", pair: has('settings')! };
  return foreignKeys(root);
}

/** AppSpec top-level keys, in any case: a file with one of them (or a near miss) is treated as an AppSpec. */
const APPSPEC_TOP_LEVEL = ['version', 'os', 'files', 'permissions', 'hooks', 'file_exists_behavior', 'resources'];

/**
 * A document none of whose keys is an AppSpec key or a near miss of one, that has at least two keys besides
 * `version`, and whose `version` (if any) is not 0.0: another tool's file under an AppSpec name (say, some other
 * tool's `appspec.json`). A file with `version: 0.0` is meant as an AppSpec and keeps every check.
 */
function foreignKeys(root: YAMLMap): Verdict | undefined {
  const pairs = pairsOf(root);
  const names = pairs.map((p) => (keyText(p) ?? '').toLowerCase());
  if (names.some((n) => n !== 'version' && (APPSPEC_TOP_LEVEL.includes(n) || didYouMean(n, APPSPEC_TOP_LEVEL))))
    return undefined;
  const version = findPair(root, 'version', { caseInsensitive: true });
  const v = scalarString(version?.value);
  if (v !== undefined && /^\s*0*(?:\.0*)?\s*$/.test(v) && /\d/.test(v)) return undefined;
  const others = pairs.filter((p) => (keyText(p) ?? '').toLowerCase() !== 'version');
  if (others.length < 2) return undefined;
  return { what: 'the file of another tool', pair: others[0] };
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
    'a Docker Compose file, a GitHub Actions workflow, an ECS task definition, an AWS Amplify configuration, a MoveApps ' +
    '`appspec.json`, or any file none of whose top-level keys is an AppSpec key (nor a near miss of one) and whose ' +
    '`version` is not 0.0. CodeDeploy cannot use it. Only this finding is reported ' +
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
