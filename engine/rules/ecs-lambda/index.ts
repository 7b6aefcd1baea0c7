import type { Rule } from '../../types';
import { hookFunctionValue } from './E8001-hook-function-value';
import { hooksAsMap } from './W8002-hooks-as-map';
import { hookItemSeveralEvents } from './W8003-hook-item-several-events';
import { hookEventDuplicate } from './W8004-hook-event-duplicate';
import { keyCase } from './I8005-key-case';
import { unknownKey } from './W8006-unknown-key';
import { ec2OnlyKey } from './W8007-ec2-only-key';
import { hookFunctionPrefix } from './I8008-hook-function-prefix';
import { hooksShape } from './E8009-hooks-shape';
import { resourceMisindented } from './E8010-resource-misindented';
import { hookFunctionNotString } from './W8011-hook-function-not-string';
import { hookEventTemplatePlaceholder } from './W8012-hook-event-template-placeholder';
import { resourcesEmpty } from './E8013-resources-empty';
import { keysBesideEmptyParent } from './E8014-keys-beside-empty-parent';
import { propertiesNestedTwice } from './E8015-properties-nested-twice';

/**
 * Rules shared by ECS and Lambda (8xxx, `platforms: ['ecs', 'lambda']`; E8010 runs when the platform cannot be told), in ID
 * order, and the helpers both platforms' rules use. Add each new rule file here.
 */
export const ecsLambdaRules: Rule[] = [
  hookFunctionValue,
  hooksAsMap,
  hookItemSeveralEvents,
  hookEventDuplicate,
  keyCase,
  unknownKey,
  ec2OnlyKey,
  hookFunctionPrefix,
  hooksShape,
  resourceMisindented,
  hookFunctionNotString,
  hookEventTemplatePlaceholder,
  resourcesEmpty,
  keysBesideEmptyParent,
  propertiesNestedTwice,
];
