import type { Rule } from '../../types';
import { hasPlaceholder, scalarString } from '../../ast';
import { checkPropertyScalar, functionRefProblem, show } from '../ecs-lambda/model';

/** Check 93 (Name): a function name, `name:alias`, partial ARN or function ARN. */
export const lambdaFunctionName: Rule = {
  id: 'E7008',
  name: 'lambda-function-name',
  severity: 'error',
  platforms: ['lambda'],
  reads: 'tree',
  title: 'Name must be a Lambda function name or ARN',
  doc:
    '`Properties.Name` identifies the function whose alias shifts traffic. Lambda accepts a function name (up to 64 ' +
    'letters, digits, `-` and `_`), a qualified name (`name:alias`), a partial ARN (`123456789012:function:name`) or ' +
    'a full ARN (`arn:aws:lambda:<region>:<account>:function:<name>`); all of these are accepted here. Spaces, `/`, ' +
    'an ARN of another service or a name longer than 64 characters cannot name a function, so the deployment fails. ' +
    'Placeholders are not reported. Fix: give the function name as shown in the Lambda console.',
  check(doc) {
    return checkPropertyScalar(
      doc,
      'E7008',
      ['Name'],
      '`Name` must be one function name or ARN (a string).',
      (node) => {
        if (hasPlaceholder(node)) return undefined;
        const text = scalarString(node) ?? '';
        const why = functionRefProblem(text);
        return why
          ? { ruleId: 'E7008', range: doc.rangeOf(node), message: `Function name ${show(text)} ${why}.` }
          : undefined;
      },
    );
  },
};
