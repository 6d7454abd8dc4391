import { createApp, type App } from './app';
import { describeConfig, readConfig, type Config } from './config';
import { installLastResort } from './last-resort';
import { createLogger, type Logger } from './logger';
import { isAddressInUse, portInUse } from './ports';

export interface Running {
  readonly app: App;
  readonly config: Config;
  readonly logger: Logger;
  readonly url: string;
}

/**
 * Reads the configuration, starts the app, and installs SIGTERM/SIGINT handlers that drain requests
 * and close the store, and the last-resort handlers (see last-resort.ts). A configuration error or a
 * taken port rejects with an AppError whose message is the one line to print (startFailureLine); nothing
 * is left open.
 */
export async function run(
  env: Readonly<Record<string, string | undefined>>,
  sources: Readonly<Record<string, string>>,
  onStop?: () => Promise<void>,
): Promise<Running> {
  const config: Config = readConfig(env);
  const logger = createLogger({ level: config.LOG_LEVEL });
  installLastResort(process, logger, onStop ? { cleanup: onStop } : {});
  logger.info({ config: describeConfig(config, sources) }, 'configuration read');
  if (config.SWITCHBOARD_MODE === 'local') {
    logger.warn(
      'LOCAL MODE: Bot Framework authentication is OFF for /api/messages (the Agents Playground cannot sign tokens). ' +
        'Never expose this process beyond this machine. The calling webhook still verifies signed tokens.',
    );
  }
  const app = await createApp(config, logger);
  let url: string;
  try {
    ({ url } = await app.listen());
  } catch (err) {
    await app.close();
    throw isAddressInUse(err) ? portInUse(config.PORT, 'PORT', 'another Switchboard') : err;
  }
  logger.info({ url, mode: config.SWITCHBOARD_MODE, store: app.store.kind }, 'switchboard listening');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests, closing the store');
    app
      .close()
      .then(() => onStop?.())
      .then(() => {
        logger.info('stopped cleanly');
        logger.flush();
        process.exit(0);
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  return { app, config, logger, url };
}
