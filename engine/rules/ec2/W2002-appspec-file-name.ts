import type { Rule } from '../../types';
import { fileAnchor, finding, joinRoot } from './util';

/** Names of templates a build step renders into the real AppSpec. */
const TEMPLATE = /\.(?:tpl|tmpl|template|j2|jinja2?|in|erb|mustache|hbs|dist|example|sample)$/i;

export const appspecFileName: Rule = {
  id: 'W2002',
  name: 'appspec-file-name',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'workspace',
  title: 'EC2 AppSpec not named `appspec.yml` or `appspec.yaml`',
  doc:
    'The EC2/On-Premises agent looks only for `appspec.yml` or `appspec.yaml` (exact, lower case) at the root of the ' +
    'revision; `appspec.json` and other names are never read, and the deployment fails because no AppSpec is found. ' +
    'Rename the file, unless you deploy it with `codedeploy-local --appspec-filename`. Template names such as ' +
    '`appspec.yml.tpl` are not reported, because a build step renders them into the real file. Only reported for ' +
    'files on disk.',
  check(doc, ctx) {
    if (!ctx.bundleRoot) return [];
    const name = ctx.fileName;
    if (name === 'appspec.yml' || name === 'appspec.yaml' || TEMPLATE.test(name)) return [];
    const sibling =
      ctx.fs &&
      ['appspec.yml', 'appspec.yaml'].find((n) => ctx.fs?.stat(joinRoot(ctx.bundleRoot as string, n))?.isFile);
    const message = sibling
      ? `This file (\`${name}\`) is not the AppSpec the agent reads: it uses \`${sibling}\` next to it.`
      : `The EC2/On-Premises agent reads only \`appspec.yml\` or \`appspec.yaml\` at the bundle root; a file named \`${name}\` is not found at deployment time.`;
    return [finding('W2002', message, fileAnchor(doc))];
  },
};
