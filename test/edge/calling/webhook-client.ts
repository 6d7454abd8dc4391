// Shared by the calling webhook's edge tests: the ids of the payload files, a POST helper, the inbox reader.
import { readKvInbox } from '../../../calling';
import type { TestApp } from '../../helpers/app';

export const APP_ID = '0b6e2f4c-93d1-4f7a-8e25-c4a1d9e7b302';
export const TENANT = '7c1f0d2a-5b3e-4a8f-9c61-2e4d8b0a9f11';
export const FOREIGN_TENANT = '11111111-2222-4333-8444-555555555555';

export interface Posted {
  readonly status: number;
  readonly contentType: string | null;
  readonly text: string;
  readonly error?: { code: string; message: string };
}

/** POSTs to /api/calls with an optional bearer token; the body is sent as given (string) or as JSON. */
export async function postCalls(t: TestApp, body: unknown, token?: string): Promise<Posted> {
  const res = await fetch(`${t.url}/api/calls`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let error: Posted['error'];
  if (text.startsWith('{')) error = (JSON.parse(text) as { error?: Posted['error'] }).error;
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    text,
    ...(error ? { error } : {}),
  };
}

/** Every batch the kv inbox holds, oldest first. */
export async function inbox(t: TestApp) {
  return (await readKvInbox(t.app.store.kv)).map((e) => e.batch);
}
