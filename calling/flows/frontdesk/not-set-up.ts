// The front desk of a line nobody has configured (no rules file): rather than leave callers ringing
// until Graph gives up, it answers, says the line is not set up yet, and hangs up. Invitations into
// meetings and group calls are left alone, as by every front desk.
import { frontDeskConfigSchema, type FrontDeskConfig } from './config-schema';

/** What a caller hears on a line with no front desk configured. */
export const NOT_SET_UP_MESSAGE = 'Sorry, this line is not set up yet. Goodbye.';

/** The rules in force when no front desk file is given. */
export const NOT_SET_UP: FrontDeskConfig = frontDeskConfigSchema.parse({
  description: 'no front desk configured (FRONTDESK_CONFIG is unset)',
  rules: [
    {
      name: 'line not set up',
      then: { closed: { prompts: [{ say: NOT_SET_UP_MESSAGE }], then: 'hangUp' } },
    },
  ],
});
