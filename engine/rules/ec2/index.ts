import type { Rule } from '../../types';
import { osInvalid } from './osInvalid';
import { appspecFileName } from './appspecFileName';
import { appspecYamlName } from './appspecYamlName';
import { topLevelKeyUnknown } from './topLevelKeyUnknown';
import { ecsStyleKeys } from './ecsStyleKeys';
import { filesNotList } from './filesNotList';
import { filesEntryIncomplete } from './filesEntryIncomplete';
import { filesDestinationNotAbsolute } from './filesDestinationNotAbsolute';
import { filesSourceGlob } from './filesSourceGlob';
import { filesPathEscapes } from './filesPathEscapes';
import { filesDuplicateDestination } from './filesDuplicateDestination';
import { filesDestinationIsDirectory } from './filesDestinationIsDirectory';
import { fileExistsBehaviorInvalid } from './fileExistsBehaviorInvalid';
import { fileExistsBehaviorMisplaced } from './fileExistsBehaviorMisplaced';
import { filesEntryUnknownKey } from './filesEntryUnknownKey';
import { filesWindowsLongPath } from './filesWindowsLongPath';
import { filesWindowsPathOnLinux } from './filesWindowsPathOnLinux';
import { permissionsOnWindows } from './permissionsOnWindows';
import { permissionsNotList } from './permissionsNotList';
import { permissionObjectMissing } from './permissionObjectMissing';
import { permissionObjectPath } from './permissionObjectPath';
import { permissionTypeInvalid } from './permissionTypeInvalid';
import { permissionListInvalid } from './permissionListInvalid';
import { permissionModeInvalid } from './permissionModeInvalid';
import { permissionModeLeadingZero } from './permissionModeLeadingZero';
import { permissionFileObjectPattern } from './permissionFileObjectPattern';
import { permissionDefaultAclOnFiles } from './permissionDefaultAclOnFiles';
import { permissionPatternPath } from './permissionPatternPath';
import { permissionOverlap } from './permissionOverlap';
import { permissionAclInvalid } from './permissionAclInvalid';
import { permissionAclVersionSpecific } from './permissionAclVersionSpecific';
import { permissionContextInvalid } from './permissionContextInvalid';
import { permissionContextUser } from './permissionContextUser';
import { permissionContextNoRange } from './permissionContextNoRange';
import { permissionUnknownKey } from './permissionUnknownKey';
import { permissionModeDirectoryNoExec } from './permissionModeDirectoryNoExec';
import { hooksNotMapping } from './hooksNotMapping';
import { hookEventUnknown } from './hookEventUnknown';
import { hookEventReserved } from './hookEventReserved';
import { hookEventConditional } from './hookEventConditional';
import { hookEventEmpty } from './hookEventEmpty';
import { hookScriptNotMapping } from './hookScriptNotMapping';
import { hookScriptLocationMissing } from './hookScriptLocationMissing';
import { hookScriptLocationForm } from './hookScriptLocationForm';
import { hookTimeoutInvalid } from './hookTimeoutInvalid';
import { hookTimeoutType } from './hookTimeoutType';
import { hookTimeoutTotal } from './hookTimeoutTotal';
import { hookScriptUnknownKey } from './hookScriptUnknownKey';
import { hookRunas } from './hookRunas';
import { hookSudo } from './hookSudo';
import { hookScriptPlatformMismatch } from './hookScriptPlatformMismatch';
import { hookScriptMissing } from './hookScriptMissing';
import { hookScriptNotExecutable } from './hookScriptNotExecutable';
import { hookScriptNoShebang } from './hookScriptNoShebang';
import { hookScriptCrlf } from './hookScriptCrlf';
import { filesSourceMissing } from './filesSourceMissing';

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
  hookScriptMissing, // W5001
  hookScriptNotExecutable, // W5002
  hookScriptNoShebang, // W5003
  hookScriptCrlf, // W5004
  filesSourceMissing, // W5005
];
