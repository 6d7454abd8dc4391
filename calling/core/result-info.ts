// Graph's resultInfo, read tolerantly (string codes, `subCode`), and the call end codes of SPEC §2.3 in words.
import type { ResultInfo } from '../types';

function toInt(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

/** Reads a resultInfo object from a notification; undefined when there is none or it has no code. */
export function readResultInfo(value: unknown): ResultInfo | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Record<string, unknown>;
  const code = toInt(r['code']);
  if (code === undefined) return undefined;
  const subcode = toInt(r['subcode'] ?? r['subCode']) ?? 0;
  const message = typeof r['message'] === 'string' ? r['message'] : undefined;
  return message === undefined ? { code, subcode } : { code, subcode, message };
}

/** A resultInfo that reports a failure (4xx/5xx). */
export function isFailure(info: ResultInfo | undefined): boolean {
  return info !== undefined && info.code >= 400;
}

const END_REASONS: Readonly<Record<string, string>> = {
  '200/4097': 'the other participant ended the call',
  '200/4521': 'the other party hung up',
  '200/5000': 'removed from the call by another participant',
  '200/5001': 'the conversation ended',
  '200/5002': 'everyone else left the call',
  '200/5003': 'the conversation ended',
  '200/5007': 'the group call initiator left',
  '200/5010': 'only one participant was left',
  '200/5012': 'nobody was left in the call',
  '200/5013': 'nobody else joined the group call',
  '200/5014': 'no host could be found for the call',
  '200/5020': 'nobody visible was left in the call',
  '200/5030': 'the breakout room time ran out',
  '200/5300': 'removed by another participant',
  '200/5855': 'removed from the lobby after waiting too long',
  '200/7000': 'ended by the app',
  '200/7015': 'the transfer completed',
  '200/10550': 'ended by the app',
  '200/18503': 'the other participant left',
  '200/540000': 'the phone caller hung up',
  '200/560000': 'the phone caller hung up',
  '408/8537': 'the call was inactive too long (no keep-alive within 45 minutes)',
  '408/1106': 'the call was not answered in time (15 seconds)',
  '408/10057': 'the callee did not respond',
  '410/301005': 'media connectivity failed',
  '480/10037': 'the callee could not be reached (no endpoints)',
  '480/10076': 'the callee is unreachable',
  '480/10134': 'the call could not be routed',
  '480/10199': 'the callee cannot take private calls',
  '500/1005': "the service could not reach the app's media",
  '0/7015': 'the transfer completed',
};

/** Local end reasons, for calls we settle without a terminated notification. */
export const LOCAL_END_REASONS = {
  gone: 'gone',
} as const;

/** A readable reason for a call's end, from its resultInfo (and `terminationReason` when Graph gave one). */
export function describeEnd(info: ResultInfo | undefined, terminationReason?: string): string {
  if (terminationReason === 'AppTransferred') return 'the transfer completed';
  if (!info) return 'the call ended';
  const known = END_REASONS[`${info.code}/${info.subcode}`];
  if (known) return known;
  if (info.code === 0 || (info.code >= 200 && info.code < 300)) return 'the call ended';
  const said = info.message ? `: ${info.message}` : '';
  return `the call failed (${info.code}/${info.subcode})${said}`;
}

/** A readable reason for a failed operation, from its resultInfo. */
export function describeOperationFailure(info: ResultInfo | undefined): string {
  if (!info) return 'the operation failed without a result code';
  if (info.code === 400 && info.subcode === 8508) return 'the operation was cancelled (400/8508)';
  const said = info.message ? `: ${info.message}` : '';
  return `the operation failed (${info.code}/${info.subcode})${said}`;
}
