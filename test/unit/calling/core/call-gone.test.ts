import assert from 'node:assert/strict';
import { CallingError } from '../../../../calling';
import { CallOperationError, type CoreLogger } from '../../../../calling/core';
import { eachCallingService, incomingCall } from '../../../helpers/calling-service';
import { eventually } from './fakes';

const gone = (id: string) =>
  new CallingError('graph_call_gone', `Call ${id} no longer exists`, { status: 404 });

// Graph's 404 on any request about a call says the call is gone: the call ends here too, and whoever
// drives it hears `terminated`, whichever action found out.
describe('a 404 from Graph on any request ends the call locally', function () {
  this.timeout(10_000);
  const fx = eachCallingService();
  let terminated: string[];

  beforeEach(() => {
    terminated = [];
    fx.service.on('terminated', (e) => void terminated.push(`${e.call.id} ${e.reason}`));
  });

  const call = (state: 'incoming' | 'established') => incomingCall(fx.service, state);

  const cases: Array<{
    what: string;
    state: 'incoming' | 'established';
    run: (id: string) => Promise<unknown>;
  }> = [
    {
      what: 'playPrompt',
      state: 'established',
      run: (id) => {
        fx.graph.playPrompt = async () => Promise.reject(gone(id));
        return fx.service.playPrompt(id, 'welcome');
      },
    },
    {
      what: 'subscribeToTone',
      state: 'established',
      run: (id) => {
        fx.graph.subscribeToTone = async () => Promise.reject(gone(id));
        return fx.service.subscribeToTone(id);
      },
    },
    {
      what: 'transfer',
      state: 'established',
      run: (id) => {
        fx.graph.transfer = async () => Promise.reject(gone(id));
        return fx.service.transfer(id, { user: '9b602b58-81c6-43ef-bb23-f7145adb1914' });
      },
    },
    {
      what: 'answer',
      state: 'incoming',
      run: (id) => {
        fx.graph.answer = async () => Promise.reject(gone(id));
        return fx.service.answer(id);
      },
    },
    {
      what: 'redirect',
      state: 'incoming',
      run: (id) => {
        fx.graph.redirect = async () => Promise.reject(gone(id));
        return fx.service.redirect(id, [{ user: '9b602b58-81c6-43ef-bb23-f7145adb1914' }]);
      },
    },
    {
      what: 'participants.list',
      state: 'established',
      run: (id) => {
        fx.graph.listParticipants = async () => Promise.reject(gone(id));
        return fx.service.participants.list(id);
      },
    },
  ];

  for (const c of cases) {
    it(`${c.what}: the call ends (reason gone) and its flow hears terminated`, async () => {
      const id = await call(c.state);
      await assert.rejects(c.run(id), (err: unknown) => {
        assert.ok(
          (err instanceof CallOperationError && err.code === 'call_ended') ||
            (err instanceof CallingError && err.code === 'graph_call_gone'),
          String(err),
        );
        return true;
      });
      const ended = await fx.service.waitForState(id, 'terminated', 3000);
      assert.equal(ended.end?.reason, 'gone');
      await eventually(() => terminated.length > 0);
      assert.deepEqual(terminated, [`${id} gone`]);
    });
  }

  it('a 404 for one participant says nothing about the call', async () => {
    const id = await call('established');
    fx.graph.deleteParticipant = async () =>
      Promise.reject(
        new CallingError('graph_not_found', 'Participant p1 is not in the call', { status: 404 }),
      );
    await assert.rejects(fx.service.participants.remove(id, 'p1'));
    await new Promise((r) => setTimeout(r, 100));
    assert.equal((await fx.service.getCall(id))?.state, 'established');
  });
});

// A caller hanging up while the app acts is ordinary on a phone line: the refused request is news for the
// log, not a warning an operator has to look into. Other refusals stay warnings.
describe('how a refused operation request is logged', () => {
  const lines: Array<[string, string]> = [];
  const recording = (): CoreLogger => {
    const at = (level: string) => (_obj: object, msg?: string) => void lines.push([level, msg ?? '']);
    const logger: CoreLogger = {
      debug: at('debug'),
      info: at('info'),
      warn: at('warn'),
      error: at('error'),
      child: () => logger,
    };
    return logger;
  };
  const fx = eachCallingService(() => ({ logger: recording() }));
  const said = (msg: string) => lines.filter(([, m]) => m === msg).map(([level]) => level);

  it('refused because the call is gone (404): one info line, no warning', async () => {
    const id = await incomingCall(fx.service, 'established');
    lines.length = 0;
    fx.graph.playPrompt = async () => Promise.reject(gone(id));
    await assert.rejects(fx.service.playPrompt(id, 'welcome'), CallOperationError);
    assert.deepEqual(said('operation request refused: the call had ended'), ['info']);
    assert.deepEqual(said('operation request failed'), []);
  });

  it('refused for any other reason: still a warning', async () => {
    const id = await incomingCall(fx.service, 'established');
    lines.length = 0;
    fx.graph.playPrompt = async () =>
      Promise.reject(new CallingError('graph_permission_missing', 'The app may not play prompts here'));
    await assert.rejects(fx.service.playPrompt(id, 'welcome'), CallingError);
    assert.deepEqual(said('operation request failed'), ['warn']);
    assert.deepEqual(said('operation request refused: the call had ended'), []);
  });
});
