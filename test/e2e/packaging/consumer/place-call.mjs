// What a project's first test with the installed package does: start the emulator through its kit, place
// a Graph call as the emulator's app to a person scripted to answer, and see the call established. It
// runs in a folder of its own outside the repository and prints one JSON line of what it saw.
import http from 'node:http';
import { start } from '@switchboard/emulator/kit';

const WAIT_MS = 20_000;

/** Receives the app's call notifications; `settled` resolves with the first established or terminated. */
async function webhook() {
  const states = [];
  let settle;
  const settled = new Promise((resolve) => (settle = resolve));
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      res.statusCode = 202;
      res.end();
      const text = Buffer.concat(chunks).toString('utf8');
      for (const n of text ? (JSON.parse(text).value ?? []) : []) {
        const state = n.resourceData?.state;
        if (typeof state !== 'string') continue;
        states.push(state);
        if (state === 'established' || state === 'terminated') settle(state);
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/api/calls`;
  return { url, states, settled, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function json(res, what) {
  const body = await res.json();
  if (!res.ok) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

const hook = await webhook();
const emu = await start();
try {
  const adele = (await emu.people.list()).find((p) => p.displayName === 'Adele Vance');
  if (!adele) throw new Error('Adele Vance is not in the seeded tenant');
  await emu.people.script(adele.id, { onRing: 'answer', answerAfterMs: 100 });

  const token = await json(
    await fetch(`${emu.httpUrl}/${emu.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: emu.appId,
        client_secret: emu.appSecret,
        scope: 'https://graph.microsoft.com/.default',
      }),
    }),
    'the token request',
  );
  const call = await json(
    await fetch(`${emu.httpUrl}/v1.0/communications/calls`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        '@odata.type': '#microsoft.graph.call',
        callbackUri: hook.url,
        targets: [
          {
            '@odata.type': '#microsoft.graph.invitationParticipantInfo',
            identity: { '@odata.type': '#microsoft.graph.identitySet', user: { id: adele.id } },
          },
        ],
        requestedModalities: ['audio'],
        mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
      }),
    }),
    'the call request',
  );
  let timer;
  const waited = await Promise.race([
    hook.settled,
    new Promise((resolve) => (timer = setTimeout(() => resolve('timed out'), WAIT_MS))),
  ]);
  clearTimeout(timer);
  const seen = await emu.calls.get(call.id);
  process.stdout.write(
    `${JSON.stringify({
      kit: import.meta.resolve('@switchboard/emulator/kit'),
      callId: call.id,
      waited,
      notified: hook.states,
      state: seen.state,
    })}\n`,
  );
} finally {
  await emu.stop();
  await hook.close();
}
