import type { Rule } from '../../types';
import { syntaxError } from './syntaxError';
import { notAMapping } from './notAMapping';
import { tabIndentation } from './tabIndentation';
import { anchorsAliases } from './anchorsAliases';
import { unquotedStar } from './unquotedStar';
import { doubleQuotedBackslash } from './doubleQuotedBackslash';
import { encoding } from './encoding';
import { byteOrderMark } from './byteOrderMark';
import { crlfLineEndings } from './crlfLineEndings';
import { duplicateKey } from './duplicateKey';
import { fileTooLarge } from './fileTooLarge';
import { notAnAppSpec } from './notAnAppSpec';
import { jsonFileHoldsYaml } from './jsonFileHoldsYaml';
import { jsonNotStrict } from './jsonNotStrict';
import { configInvalid } from './configInvalid';
import { versionMissing, versionInvalid, versionQuotedEc2, versionQuoted, versionEcsLambda } from './versionRules';
import { mixedPlatform } from './mixedPlatform';
import { platformUnknown } from './platformUnknown';
import {
  schemaWrongType,
  schemaMissingKey,
  schemaValueNotAllowed,
  schemaUnknownKey,
  schemaOutOfRange,
} from './schemaRules';

/** Rules of this area, in ID order. Add each new rule file here. */
export const generalRules: Rule[] = [
  syntaxError,
  notAMapping,
  tabIndentation,
  anchorsAliases,
  unquotedStar,
  doubleQuotedBackslash,
  encoding,
  byteOrderMark,
  crlfLineEndings,
  duplicateKey,
  fileTooLarge,
  notAnAppSpec,
  jsonFileHoldsYaml,
  configInvalid,
  jsonNotStrict,
  versionMissing,
  versionInvalid,
  versionQuotedEc2,
  versionQuoted,
  mixedPlatform,
  platformUnknown,
  versionEcsLambda,
  schemaWrongType,
  schemaMissingKey,
  schemaValueNotAllowed,
  schemaUnknownKey,
  schemaOutOfRange,
];
