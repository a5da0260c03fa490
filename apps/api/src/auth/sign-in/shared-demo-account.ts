import { SHARED_DEMO_ACCOUNT, isDemoUsername } from '@authlab/shared';
import { ApiException } from '../../common/errors/api-exception.js';

/** What a learner asked to do to their whole account, and what each would do to everyone else. */
const CONSEQUENCES = {
  'sign out everywhere': {
    effect: 'would sign all of them out',
    instead:
      'POST /api/auth/signout ends just your session, and an account of your own (POST /api/auth/signup) can sign out everywhere',
  },
  'change the password': {
    effect: 'would sign all of them out and lock them out',
    instead: 'sign up for an account of your own (POST /api/auth/signup) to change its password',
  },
} as const;

export type AccountWideAction = keyof typeof CONSEQUENCES;

/**
 * In demo mode a whole class signs in with the same four demo accounts, so an action on the
 * whole account (every session, the password) would reach every learner using it. Those are
 * refused for the demo accounts, with the reason; the learner's own accounts behave as anywhere.
 */
export function refuseOnSharedDemoAccount(
  demoMode: boolean,
  username: string,
  action: AccountWideAction,
): void {
  if (!demoMode || !isDemoUsername(username)) return;
  const { effect, instead } = CONSEQUENCES[action];
  throw new ApiException(
    403,
    `In demo mode the account "${username}" is shared by everyone using this demo: to ${action} ${effect}. It is refused for the demo accounts; ${instead}.`,
    {},
    undefined,
    SHARED_DEMO_ACCOUNT,
  );
}
