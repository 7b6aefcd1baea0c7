import type { Rule } from '../../types';
import { ecsResourcesShape } from './E6001-resources-shape';
import { ecsResourceName } from './W6002-resource-name';
import { ecsResourceType } from './E6003-resource-type';
import { ecsTaskDefinitionMissing } from './E6004-task-definition-missing';
import { ecsTaskDefinitionFormat } from './W6005-task-definition-format';
import { ecsLoadBalancerInfoMissing } from './E6006-load-balancer-info-missing';
import { ecsContainerPort } from './E6007-container-port';
import { ecsNetworkConfigurationIncomplete } from './E6008-network-configuration-incomplete';
import { ecsAssignPublicIp } from './E6009-assign-public-ip';
import { ecsNetworkLists } from './E6010-network-lists';
import { ecsCapacityProviderStrategy } from './E6011-capacity-provider-strategy';
import { ecsCapacityProviderMissing } from './W6012-capacity-provider-missing';
import { ecsPlatformVersion } from './I6013-platform-version';
import { ecsHookEventUnknown } from './E6014-hook-event-unknown';
import { ecsContainerName } from './E6015-container-name';
import { ecsNetworkIdFormat } from './W6016-network-id-format';
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

/**
 * Rules of this area, in ID order: ECS (6xxx) and the rules shared by ECS and Lambda (8xxx,
 * `platforms: ['ecs', 'lambda']`). Add each new rule file here.
 */
export const ecsRules: Rule[] = [
  ecsResourcesShape,
  ecsResourceName,
  ecsResourceType,
  ecsTaskDefinitionMissing,
  ecsTaskDefinitionFormat,
  ecsLoadBalancerInfoMissing,
  ecsContainerPort,
  ecsNetworkConfigurationIncomplete,
  ecsAssignPublicIp,
  ecsNetworkLists,
  ecsCapacityProviderStrategy,
  ecsCapacityProviderMissing,
  ecsPlatformVersion,
  ecsHookEventUnknown,
  ecsContainerName,
  ecsNetworkIdFormat,
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
];
