// A botbuilder echo bot that gained calling: it echoes what it is told in chat, answers every Teams call
// with a keypad menu, and places a call when told `call <user id>`. Settings come from the environment
// (README.md).
import { CloudAdapter } from 'botbuilder';
import pino from 'pino';
import { BotAuthentication } from './auth.mjs';
import { EchoBot } from './bot.mjs';
import { createCalling } from './calling.mjs';
import { readConfig } from './config.mjs';
import { attachKeypadMenu } from './menu.mjs';
import { createServer } from './server.mjs';

const log = pino({ name: 'echo-bot' });
let config;
try {
  config = readConfig();
} catch (err) {
  log.fatal(err.message);
  process.exit(1);
}
if (!config.botAuth.MicrosoftAppId) {
  log.warn(
    'Bot Framework auth is off (BOT_AUTH=off): anyone who reaches /api/messages can chat with the bot ' +
      'and place calls. Use it on your own machine only; unset BOT_AUTH for a deployment.',
  );
}

// The echo bot's channel side, as in botbuilder's samples, with every refusal a 401 (auth.mjs).
const adapter = new CloudAdapter(new BotAuthentication(config.botAuth, log.child({ module: 'bot-auth' })));
adapter.onTurnError = async (context, err) => {
  log.error({ err, activityType: context.activity.type }, 'bot turn failed');
  await context.sendActivity('Sorry, something went wrong on our side. Please try again in a moment.');
};

// Calling: the call model and its webhook, the keypad menu on its events, and the bot's `call` command.
const promptsDir = new URL('./prompts/', import.meta.url);
const { calling, edge, close } = await createCalling(config, promptsDir, log);
attachKeypadMenu(calling, log.child({ module: 'menu' }));
const bot = new EchoBot(calling, log.child({ module: 'bot' }));
await calling.start();

const server = createServer({ adapter, bot, edge, promptsDir, log });
server.listen(config.port, config.host, () => log.info({ url: config.publicUrl }, 'echo bot listening'));

async function stop() {
  server.close();
  await calling.stop();
  await close();
}
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => {
    stop().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'could not stop cleanly');
        process.exit(1);
      },
    );
  });
