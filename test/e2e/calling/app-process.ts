// A separate app process for the restart test: SCENARIO=start places a call and starts a long prompt,
// then waits (to be killed); SCENARIO=resume opens the same database and carries the call on.
// Progress goes to stdout as JSON lines with a "step" key.
import { createApp, createLogger, readConfig } from '../../../server';

const say = (o: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(o)}\n`);

async function main(): Promise<void> {
  const env = process.env;
  const app = await createApp(readConfig(env), createLogger({ level: 'warn', destination: process.stderr }));
  await app.listen();
  const calling = app.calling;
  if (!calling) throw new Error('no call model: Graph credentials missing');
  say({ step: 'listening' });

  if (env.SCENARIO === 'start') {
    const call = await calling.placeCall({ to: { user: env.PERSON_ID ?? '' }, scenarioId: 'restart' });
    await calling.waitForState(call.id, 'established', 20_000);
    const prompt = calling.playPrompt(call.id, ['closed', 'closed', 'closed'], { timeoutMs: 120_000 });
    prompt.catch(() => undefined);
    for (;;) {
      const op = (await calling.operations(call.id)).find((o) => o.kind === 'playPrompt');
      if (op?.graphId && op.status === 'running') {
        say({ step: 'prompt-running', callId: call.id, operationId: op.id, graphOperationId: op.graphId });
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    await prompt;
    say({ step: 'prompt-finished-before-kill' });
    return;
  }

  const callId = env.CALL_ID ?? '';
  const done = await calling.waitForOperation(env.OPERATION_ID ?? '', 90_000);
  say({ step: 'operation-settled', status: done.status, resultInfo: done.resultInfo });
  const goodbye = await calling.playPrompt(callId, 'goodbye');
  say({ step: 'goodbye-played', status: goodbye.status });
  await calling.hangUp(callId);
  const ended = await calling.waitForState(callId, 'terminated', 20_000);
  say({ step: 'terminated', reason: ended.end?.reason });
  await app.close();
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`app-process failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
