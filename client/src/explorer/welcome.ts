/**
 * The state of the CodeDeploy view's top level, for its welcome content (package.json contributes.viewsWelcome, when
 * `codedeploy.explorer.state == …`): applications to show, none in this connection, or the connection failed (with
 * credentials as their own case: they need a sign-in, not a retry). VS Code shows welcome content only while the tree
 * is empty, so in every state but `ready` the top level shows no nodes. Pure.
 */
import { credentialAdvice, type ConnectionChoice } from '../connection/model';
import { CONTEXT, type NodeDescriptor } from './types';

export const EXPLORER_STATE_KEY = 'codedeploy.explorer.state';

export type ExplorerState = 'ready' | 'empty' | 'error' | 'credentials';

export function explorerState(top: readonly NodeDescriptor[], choice: ConnectionChoice): ExplorerState {
  // An error's detail rows (its whole message, errorNodes) belong to the error.
  const nodes = top.filter((n) => n.contextValue !== CONTEXT.errorDetail);
  if (nodes.length !== 1) return 'ready';
  const [only] = nodes;
  if (only.contextValue === CONTEXT.placeholder) return 'empty';
  if (only.contextValue === CONTEXT.error) return credentialAdvice(only.data.error, choice) ? 'credentials' : 'error';
  return 'ready';
}
