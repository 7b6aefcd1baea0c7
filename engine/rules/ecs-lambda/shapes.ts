/**
 * Checks that ECS and Lambda share almost word for word (Resources shape, resource Type,
 * hook event names). Each platform's rule file calls these with its own ID and wording.
 * The checks live in one file per concern; this file gathers them for the rules.
 */
export { misindentFinding, namelessFinding, resourcesShapeFindings } from './resourceShape';
export { resourceTypeFindings } from './resourceType';
export { hookEventFindings, TEMPLATE_EVENT_PLACEHOLDER } from './hookEvents';
