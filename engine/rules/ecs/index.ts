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
import { ecsTaskDefinitionArnMalformed } from './E6017-task-definition-arn-malformed';
import { ecsTaskDefinitionPlaceholder } from './I6018-task-definition-placeholder';
import { ecsResourceNameCase } from './I6019-resource-name-case';
import { ecsContainerPortString } from './W6020-container-port-string';

/** Rules of this area (ECS, 6xxx), in ID order. Add each new rule file here; shared ECS+Lambda rules live in ../ecs-lambda. */
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
  ecsTaskDefinitionArnMalformed,
  ecsTaskDefinitionPlaceholder,
  ecsResourceNameCase,
  ecsContainerPortString,
];
