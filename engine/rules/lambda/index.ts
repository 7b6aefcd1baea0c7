import type { Rule } from '../../types';
import { lambdaResourcesShape } from './E7001-resources-shape';
import { lambdaResourceType } from './E7002-resource-type';
import { lambdaRequiredProperties } from './E7003-required-properties';
import { lambdaCurrentVersionMissing } from './W7004-current-version-missing';
import { lambdaVersionFormat } from './E7005-version-format';
import { lambdaVersionNotString } from './I7006-version-not-string';
import { lambdaVersionsEqual } from './W7007-versions-equal';
import { lambdaFunctionName } from './E7008-function-name';
import { lambdaAliasName } from './E7009-alias-name';
import { lambdaHookEventUnknown } from './E7010-hook-event-unknown';
import { lambdaVersionPlaceholder } from './I7011-version-placeholder';

/** Rules of this area, in ID order. Add each new rule file here. */
export const lambdaRules: Rule[] = [
  lambdaResourcesShape,
  lambdaResourceType,
  lambdaRequiredProperties,
  lambdaCurrentVersionMissing,
  lambdaVersionFormat,
  lambdaVersionNotString,
  lambdaVersionsEqual,
  lambdaFunctionName,
  lambdaAliasName,
  lambdaHookEventUnknown,
  lambdaVersionPlaceholder,
];
