import type { Rule } from '../../types';
import { syntaxError } from './E0001-yaml-syntax-error';
import { notAMapping } from './E0002-document-not-a-mapping';
import { tabIndentation } from './E0003-tab-indentation';
import { anchorsAliases } from './W0004-yaml-alias-ec2';
import { unquotedStar } from './E0005-unquoted-star';
import { doubleQuotedBackslash } from './W0006-double-quoted-backslash';
import { encoding } from './E0007-binary-or-invalid-utf8';
import { byteOrderMark } from './I0008-byte-order-mark';
import { crlfLineEndings } from './I0009-crlf-line-endings';
import { duplicateKey } from './E0010-duplicate-key';
import { fileTooLarge } from './I0011-file-too-large';
import { notAnAppSpec } from './E0012-not-an-appspec';
import { jsonFileHoldsYaml } from './W0013-json-file-holds-yaml';
import { jsonNotStrict } from './W0015-json-not-strict';
import { yamlWarning } from './W0016-yaml-warning';
import { doubleQuotedBadEscape } from './E0017-double-quoted-bad-escape';
import { jsonByteOrderMark } from './W0018-json-byte-order-mark';
import { templateValueBlank } from './W1201-template-value-blank';
import { templateValuePlaceholder } from './W1202-template-value-placeholder';
import { configInvalid } from './W0014-config-invalid';
import { versionMissing } from './E1001-version-missing';
import { versionInvalid } from './E1002-version-not-0.0';
import { versionQuotedEc2 } from './E1003-version-quoted-ec2';
import { versionQuoted } from './I1004-version-quoted';
import { versionEcsLambda } from './W1007-version-ecs-lambda';
import { mixedPlatform } from './E1005-mixed-platform';
import { platformUnknown } from './I1006-platform-unknown';
import { schemaWrongType } from './E1101-schema-wrong-type';
import { schemaMissingKey } from './E1102-schema-missing-key';
import { schemaValueNotAllowed } from './E1103-schema-value-not-allowed';
import { schemaUnknownKey } from './W1104-schema-unknown-key';
import { schemaOutOfRange } from './E1105-schema-out-of-range';

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
  yamlWarning,
  doubleQuotedBadEscape,
  jsonByteOrderMark,
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
  templateValueBlank,
  templateValuePlaceholder,
];
