// botbuilder and botframework-connector report some failures with console.error and console.warn: an
// expired channel token is printed with its stack, a token whose signature does not verify with the
// key's whole PEM, before the error reaches the caller. A refused token is the caller's fault, answered
// 401 and logged once by the server; printing it to stderr for every attempt hands whoever sends forged
// tokens a way to flood the app's output. So the adapter authenticates each activity in a context in
// which what the SDK writes to the console goes to the app's logger instead, at debug and without
// stacks. Everything written outside that context, the turns included, reaches the console as before.
import { AsyncLocalStorage } from 'node:async_hooks';
import { inspect } from 'node:util';
import type { BotLogger } from '../types';

const routed = new AsyncLocalStorage<BotLogger>();

// What a console argument says, in one line: an Error by its name and message, never its stack.
function describe(arg: unknown): string {
  if (arg instanceof Error) return `${arg.name}: ${arg.message}`;
  return typeof arg === 'string' ? arg : inspect(arg, { depth: 2, breakLength: Infinity });
}

function routeConsole(level: 'error' | 'warn'): void {
  const original = console[level];
  console[level] = (...args: unknown[]) => {
    const logger = routed.getStore();
    if (!logger) return original.apply(console, args);
    const said = args.map(describe).join(' ').replace(/\s+/g, ' ').slice(0, 500);
    // Outside the scope: a logger that itself writes to the console must not come back here.
    routed.exit(() =>
      (logger.debug ?? logger.info).call(logger, { said, level }, 'botbuilder wrote to the console'),
    );
  };
}

// Installed once, when the adapter is loaded: the console's functions as they are then stay the ones
// used outside the scope.
routeConsole('error');
routeConsole('warn');

/** Runs `work` with the SDK's console output going to `logger` (see above). */
export function withConsoleNotes<T>(logger: BotLogger, work: () => Promise<T>): Promise<T> {
  return routed.run(logger, work);
}
