// The assertion the Graph client's tests share: a promise rejects with a CallingError of one code.
import assert from 'node:assert/strict';
import { CallingError } from '../../calling/errors';

/** Awaits p; passes when it rejects with a CallingError whose code is `code`, and returns that error. */
export async function rejectsWith(p: Promise<unknown>, code: string): Promise<CallingError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof CallingError, `expected a CallingError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    return err;
  }
  assert.fail(`expected ${code}, but the promise resolved`);
}
