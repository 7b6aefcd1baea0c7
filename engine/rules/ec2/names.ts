/**
 * EC2 names the rules compare against, derived from the engine's knowledge tables.
 */
import {
  CONTEXT_KEYS as CONTEXT_KEY_INFO,
  EC2_TOP_LEVEL_KEYS,
  FILE_ENTRY_KEYS,
  FILE_EXISTS_BEHAVIOR_VALUES,
  PERMISSION_KEYS as PERMISSION_KEY_INFO,
  SCRIPT_KEYS as SCRIPT_KEY_INFO,
  reservedEventNames,
  scriptableEventNames,
} from '../../knowledge';

export { MAX_EVENT_SECONDS } from '../../knowledge';

export const TOP_LEVEL_KEYS: readonly string[] = EC2_TOP_LEVEL_KEYS.map((k) => k.key);
export const FILES_ENTRY_KEYS: readonly string[] = FILE_ENTRY_KEYS.map((k) => k.key);
export const PERMISSION_KEYS: readonly string[] = PERMISSION_KEY_INFO.map((k) => k.key);
/** Keys the agents read in `context` (`user` is documented but ignored; W3017 reports it). */
export const CONTEXT_KEYS: readonly string[] = CONTEXT_KEY_INFO.map((k) => k.key).filter((k) => k !== 'user');
export const SCRIPT_KEYS: readonly string[] = SCRIPT_KEY_INFO.map((k) => k.key);
export const FILE_EXISTS_VALUES: readonly string[] = FILE_EXISTS_BEHAVIOR_VALUES.map((v) => v.value);

/** Scriptable EC2 lifecycle events, in run order. */
export const EC2_EVENTS: readonly string[] = scriptableEventNames('ec2');
/** Events the agent reserves: scripts under them never run. */
export const EC2_RESERVED_EVENTS: readonly string[] = reservedEventNames('ec2');
