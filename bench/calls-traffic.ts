// What the calls-webhook benchmark sends: notifications of the shared payload shapes spread over many
// calls, and forged tokens (one repeated, or a fresh signature on every request).
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NOTIFICATIONS } from '../test/helpers/fixtures';

const PAYLOADS = NOTIFICATIONS;
const SAMPLE_CALL_IDS = ['2f1a0c00-7e4d-4b9a-a5c3-9d8e6f4b2a10', '4c3d0e00-2a3b-4c4d-9e5f-6a7b8c9d0e1f'];

type Template = (callId: string, n: number) => string;

/** A payload file as a function of the call id (and, where the shape has one, a sequence number). */
function template(file: string, sequenceField?: string): Template {
  let text = readFileSync(path.join(PAYLOADS, file), 'utf8');
  for (const id of SAMPLE_CALL_IDS) text = text.split(id).join('\u0000CALL\u0000');
  const parts = text.split('\u0000CALL\u0000');
  const seq = sequenceField ? new RegExp(`("${sequenceField}":\\s*)\\d+`, 'g') : undefined;
  return (callId, n) => {
    const body = parts.join(callId);
    return seq ? body.replace(seq, `$1${n}`) : body;
  };
}

/**
 * Bodies for `calls` call ids, cycling through a call's ordinary traffic: state changes (duplicates after
 * the first, as redeliveries are), tones with a rising sequenceId and roster updates with a rising
 * rosterSequenceNumber (new content every time, so the call model does real work on them).
 */
export function notificationStream(calls: number): () => string {
  const ids = Array.from({ length: calls }, () => randomUUID());
  const kinds: Template[] = [
    template('establishing.json'),
    template('established.json'),
    template('tone-received.json', 'sequenceId'),
    template('participants-updated.json', 'rosterSequenceNumber'),
  ];
  let i = 0;
  return () => {
    const n = i++;
    const callId = ids[n % calls]!;
    const kind = kinds[Math.floor(n / calls) % kinds.length]!;
    return kind(callId, n);
  };
}

/** A token whose signature bytes no longer match (the last characters reversed): one string, repeated. */
export function forgedOnce(good: string): string {
  return `${good.slice(0, -6)}${good.slice(-6).split('').reverse().join('')}`;
}

/** Tokens with the good header and claims but random signature bytes: a different string every time. */
export function forgedVaried(good: string): () => string {
  const signingInput = good.slice(0, good.lastIndexOf('.'));
  const sigBytes = Buffer.from(good.slice(good.lastIndexOf('.') + 1), 'base64url').length;
  return () => `${signingInput}.${randomBytes(sigBytes).toString('base64url')}`;
}
