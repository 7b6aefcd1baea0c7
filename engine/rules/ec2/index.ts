import type { Rule } from '../../types';
import { osInvalid } from './E2001-os-invalid';
import { appspecFileName } from './W2002-appspec-file-name';
import { appspecYamlName } from './I2003-appspec-yaml-extension';
import { topLevelKeyUnknown } from './W2004-top-level-key-unknown';
import { ecsStyleKeys } from './E2005-ecs-style-keys-in-ec2';
import { filesNotList } from './E2010-files-not-list';
import { filesEntryIncomplete } from './E2011-files-entry-incomplete';
import { filesDestinationNotAbsolute } from './W2013-files-destination-not-absolute';
import { filesSourceGlob } from './W2014-files-source-glob';
import { filesPathEscapes } from './W2015-files-path-escapes';
import { filesDuplicateDestination } from './W2016-files-duplicate-destination';
import { filesDestinationIsDirectory } from './I2017-files-destination-is-directory';
import { fileExistsBehaviorInvalid } from './E2018-file-exists-behavior-invalid';
import { fileExistsBehaviorMisplaced } from './W2019-file-exists-behavior-misplaced';
import { filesEntryUnknownKey } from './W2020-files-entry-unknown-key';
import { filesWindowsLongPath } from './W2021-files-windows-long-path';
import { filesWindowsPathOnLinux } from './W2022-files-windows-path-on-linux';
import { permissionsOnWindows } from './E3001-permissions-on-windows';
import { permissionsNotList } from './E3002-permissions-not-list';
import { permissionObjectMissing } from './E3003-permission-object-missing';
import { permissionObjectPath } from './W3004-permission-object-not-installed';
import { permissionTypeInvalid } from './E3006-permission-type-invalid';
import { permissionListInvalid } from './E3007-permission-list-invalid';
import { permissionModeInvalid } from './E3008-permission-mode-invalid';
import { permissionModeLeadingZero } from './W3009-permission-mode-leading-zero';
import { permissionFileObjectPattern } from './E3010-permission-file-object-pattern';
import { permissionDefaultAclOnFiles } from './E3011-permission-default-acl-on-files';
import { permissionPatternPath } from './W3012-permission-pattern-never-matches';
import { permissionOverlap } from './W3013-permission-overlap';
import { permissionAclInvalid } from './E3014-permission-acl-invalid';
import { permissionAclVersionSpecific } from './W3015-permission-acl-one-agent-only';
import { permissionContextInvalid } from './E3016-permission-context-invalid';
import { permissionContextUser } from './W3017-permission-context-user';
import { permissionContextNoRange } from './I3019-permission-context-no-range';
import { permissionUnknownKey } from './W3021-permission-unknown-key';
import { permissionModeDirectoryNoExec } from './W3022-permission-mode-directory-no-exec';
import { hooksNotMapping } from './E4001-hooks-not-mapping';
import { hookEventUnknown } from './W4002-hook-event-unknown';
import { hookEventReserved } from './W4003-hook-event-reserved';
import { hookEventConditional } from './I4004-hook-event-conditional';
import { hookEventEmpty } from './W4005-hook-event-empty';
import { hookScriptNotMapping } from './E4006-hook-script-not-mapping';
import { hookScriptLocationMissing } from './E4007-hook-script-location-missing';
import { hookScriptLocationForm } from './W4008-hook-script-location-form';
import { hookTimeoutInvalid } from './E4009-hook-timeout-invalid';
import { hookTimeoutType } from './W4010-hook-timeout-type';
import { hookTimeoutTotal } from './W4011-hook-timeout-total';
import { hookScriptUnknownKey } from './W4012-hook-script-unknown-key';
import { hookRunas } from './W4013-hook-runas-invalid';
import { hookSudo } from './W4014-hook-sudo-invalid';
import { hookScriptPlatformMismatch } from './W4015-hook-script-platform-mismatch';
import { hookScriptMissing } from './W5001-hook-script-missing';
import { hookScriptNotExecutable } from './W5002-hook-script-not-executable';
import { hookScriptNoShebang } from './W5003-hook-script-no-shebang';
import { hookScriptCrlf } from './W5004-hook-script-crlf';
import { filesSourceMissing } from './W5005-files-source-missing';
import { sectionExplicitNull } from './W2023-section-explicit-null';
import { filesSourceInstancePath } from './W2024-files-source-instance-path';
import { permissionObjectGlob } from './W3023-permission-object-glob';
import { permissionModeLeadingZeroFails } from './E3024-permission-mode-leading-zero-fails';
import { permissionContextRole } from './I3025-permission-context-role';
import { hookEventEmptyList } from './I4016-hook-event-empty-list';
import { hookLocationLeadingSeparator } from './I4017-hook-location-leading-separator';
import { hookScriptNotRunnableOnWindows } from './E4018-hook-script-not-runnable-on-windows';
import { sectionKeysAtTopLevel } from './W2025-section-keys-at-top-level';
import { hookScriptKeysBesideEvent } from './E4019-hook-script-keys-beside-event';

/** Rules of this area, in ID order. Add each new rule file here. */
export const ec2Rules: Rule[] = [
  osInvalid, // E2001
  appspecFileName, // W2002
  appspecYamlName, // I2003
  topLevelKeyUnknown, // W2004
  ecsStyleKeys, // E2005
  filesNotList, // E2010
  filesEntryIncomplete, // E2011
  filesDestinationNotAbsolute, // W2013
  filesSourceGlob, // W2014
  filesPathEscapes, // W2015
  filesDuplicateDestination, // W2016
  filesDestinationIsDirectory, // I2017
  fileExistsBehaviorInvalid, // E2018
  fileExistsBehaviorMisplaced, // W2019
  filesEntryUnknownKey, // W2020
  filesWindowsLongPath, // W2021
  filesWindowsPathOnLinux, // W2022
  sectionExplicitNull, // W2023
  filesSourceInstancePath, // W2024
  sectionKeysAtTopLevel, // W2025
  permissionsOnWindows, // E3001
  permissionsNotList, // E3002
  permissionObjectMissing, // E3003
  permissionObjectPath, // W3004
  permissionTypeInvalid, // E3006
  permissionListInvalid, // E3007
  permissionModeInvalid, // E3008
  permissionModeLeadingZero, // W3009
  permissionFileObjectPattern, // E3010
  permissionDefaultAclOnFiles, // E3011
  permissionPatternPath, // W3012
  permissionOverlap, // W3013
  permissionAclInvalid, // E3014
  permissionAclVersionSpecific, // W3015
  permissionContextInvalid, // E3016
  permissionContextUser, // W3017
  permissionContextNoRange, // I3019
  permissionUnknownKey, // W3021
  permissionModeDirectoryNoExec, // W3022
  permissionObjectGlob, // W3023
  permissionModeLeadingZeroFails, // E3024
  permissionContextRole, // I3025
  hooksNotMapping, // E4001
  hookEventUnknown, // W4002
  hookEventReserved, // W4003
  hookEventConditional, // I4004
  hookEventEmpty, // W4005
  hookScriptNotMapping, // E4006
  hookScriptLocationMissing, // E4007
  hookScriptLocationForm, // W4008
  hookTimeoutInvalid, // E4009
  hookTimeoutType, // W4010
  hookTimeoutTotal, // W4011
  hookScriptUnknownKey, // W4012
  hookRunas, // W4013
  hookSudo, // W4014
  hookScriptPlatformMismatch, // W4015
  hookEventEmptyList, // I4016
  hookLocationLeadingSeparator, // I4017
  hookScriptNotRunnableOnWindows, // E4018
  hookScriptKeysBesideEvent, // E4019
  hookScriptMissing, // W5001
  hookScriptNotExecutable, // W5002
  hookScriptNoShebang, // W5003
  hookScriptCrlf, // W5004
  filesSourceMissing, // W5005
];
