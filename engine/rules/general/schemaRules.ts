/**
 * The schema check's findings (run by lint.ts through schema.ts, not by these entries): they are
 * registered as rules so they have documentation, default severities and config switches.
 */
import type { Rule } from '../../types';

const SCHEMA_PLATFORMS = ['ec2', 'ecs', 'lambda'] as const;
const none = () => [];

export const schemaWrongType: Rule = {
  id: 'E1101',
  name: 'schema-wrong-type',
  severity: 'error',
  platforms: SCHEMA_PLATFORMS,
  reads: 'tree',
  title: 'A value has the wrong type (list, mapping, text, number)',
  doc:
    'Each AppSpec key expects one shape: `files` and `permissions` are lists of mappings, `hooks` is a mapping of event names to script lists, ' +
    '`Resources` is a list, `ContainerPort` a number, and so on. A value of another shape crashes the Ruby agent or is a type error for the Rust agent ' +
    'and the service. Values holding pipeline placeholders (`<TASK_DEFINITION>`, `${VAR}`, `{{VAR}}`) are not checked.',
  check: none,
};

export const schemaMissingKey: Rule = {
  id: 'E1102',
  name: 'schema-missing-key',
  severity: 'error',
  platforms: SCHEMA_PLATFORMS,
  reads: 'tree',
  title: 'A required key is missing',
  doc:
    "A key the agent or the service requires is absent, for example `os`, a `files` entry's `destination`, a script's `location`, " +
    '`Resources`, `Type`, `Properties`, `TaskDefinition` or a Lambda `TargetVersion`. The finding sits on the mapping that lacks the key.',
  check: none,
};

export const schemaValueNotAllowed: Rule = {
  id: 'E1103',
  name: 'schema-value-not-allowed',
  severity: 'error',
  platforms: SCHEMA_PLATFORMS,
  reads: 'tree',
  title: 'A value (or an ECS/Lambda hook event name) is not one of the allowed ones',
  doc:
    'Some values are fixed lists and are case-sensitive: `os` (`linux`, `windows`), `file_exists_behavior` (`DISALLOW`, `OVERWRITE`, `RETAIN`), ' +
    'permission `type` items (`file`, `directory`), resource `Type`, `AssignPublicIp` (`ENABLED`, `DISABLED`) and the ECS/Lambda hook event names. ' +
    'The message suggests the closest allowed value.',
  check: none,
};

export const schemaUnknownKey: Rule = {
  id: 'W1104',
  name: 'schema-unknown-key',
  severity: 'warning',
  platforms: SCHEMA_PLATFORMS,
  reads: 'tree',
  title: 'An unknown key is ignored',
  doc:
    'The EC2 agents read only the keys they know and silently ignore the rest, so a misspelt key (`destnation`, `runAs`, `Timeout`) simply ' +
    'does nothing. For ECS and Lambda the service behaviour with unknown keys is not documented. The message suggests the key you probably meant.',
  check: none,
};

export const schemaOutOfRange: Rule = {
  id: 'E1105',
  name: 'schema-out-of-range',
  severity: 'error',
  platforms: SCHEMA_PLATFORMS,
  reads: 'tree',
  title: 'A value is out of range, empty, or has too many or too few items',
  doc:
    'Limits from the AppSpec reference and the ECS/Lambda APIs: exactly one item in `Resources`, `ContainerPort` 1–65535, at most 16 `Subnets` and ' +
    '5 `SecurityGroups`, capacity provider `Base` 0–100000 and `Weight` 0–1000, and no empty names.',
  check: none,
};
