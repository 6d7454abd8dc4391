// Check 9 (local mode): if `npm start` runs, the app is ready on PORT and the emulator answers on
// EMULATOR_PORT. Neither running is fine (the doctor says how to have them checked); only one of them
// running is not: most often an emulator left from an earlier start, holding its port.
import { loopbackUrl } from '../../../server';
import { describeNetworkError, type HttpClient } from '../http';
import type { DoctorCheck, Finding } from '../types';

type Probe = { up: true; status: number; text: string } | { up: false; what: string };

async function probe(http: HttpClient, url: string): Promise<Probe> {
  try {
    const a = await http(url, { timeoutMs: 5_000 });
    return { up: true, status: a.status, text: a.text };
  } catch (err) {
    return { up: false, what: describeNetworkError(err).what };
  }
}

export const localRunningCheck: DoctorCheck = {
  id: 'local-running',
  title: 'App and emulator on this machine',
  modes: ['local'],
  async run(ctx): Promise<Finding> {
    const c = ctx.config;
    if (!c) return { status: 'skip', summary: 'skipped: needs a valid configuration (see above)' };
    const emulatorPort = c.EMULATOR_PORT;
    const appUrl = loopbackUrl(c.HOST, c.PORT);
    const emulatorUrl = loopbackUrl(ctx.env.EMULATOR_HOST || '127.0.0.1', emulatorPort);
    const [app, emulator] = await Promise.all([
      probe(ctx.http, `${appUrl}/readyz`),
      probe(ctx.http, `${emulatorUrl}/emulator/tenant`),
    ]);
    const details = [
      `${appUrl}/readyz: ${app.up ? app.status : app.what}`,
      `${emulatorUrl}/emulator/tenant: ${emulator.up ? emulator.status : emulator.what}`,
    ];
    if (!app.up && !emulator.up)
      return {
        status: 'warn',
        summary: 'not running, so not checked',
        details,
        fix: 'Start them with npm start, then run npm run doctor again to check them too.',
      };
    if (!emulator.up || emulator.status !== 200)
      return {
        status: 'fail',
        summary: `something answers on PORT ${c.PORT} but no emulator on EMULATOR_PORT ${emulatorPort}`,
        details,
        fix: 'Stop whatever holds the port (another Switchboard?) and run npm start again, or set PORT.',
      };
    if (!app.up)
      return {
        status: 'fail',
        summary: `an emulator answers on port ${emulatorPort} but no app on PORT ${c.PORT}: it is left from an earlier start, or started on its own`,
        details,
        fix: `Stop that emulator (the process listening on port ${emulatorPort}); npm start starts its own.`,
      };
    if (app.status !== 200)
      return {
        status: 'fail',
        summary: `the app is not ready: ${appUrl}/readyz answered ${app.status} ${app.text.slice(0, 200)}`,
        details,
        fix: 'The answer names what is not ready; the app log says more.',
      };
    return {
      status: 'ok',
      summary: `the app is ready at ${appUrl}; the emulator answers at ${emulatorUrl}`,
      details,
    };
  },
};
