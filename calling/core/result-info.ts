// Graph's resultInfo, read tolerantly (string codes, `subCode`), and a call's end in words.
import type { ResultInfo } from '../types';
import { endWords } from './outcomes';

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

/** Local end reasons, for calls we settle without a terminated notification. */
export const LOCAL_END_REASONS = {
  gone: 'gone',
} as const;

/**
 * A readable reason for a call's end, from its resultInfo (and `terminationReason` when Graph gave one),
 * in the catalogue's words (outcomes.ts), so the timeline says what the chat and the tab say.
 */
export function describeEnd(info: ResultInfo | undefined, terminationReason?: string): string {
  return endWords(info, terminationReason);
}

/** A readable reason for a failed operation, from its resultInfo. */
export function describeOperationFailure(info: ResultInfo | undefined): string {
  if (!info) return 'the operation failed without a result code';
  if (info.code === 400 && info.subcode === 8508) return 'the operation was cancelled (400/8508)';
  const said = info.message ? `: ${info.message}` : '';
  return `the operation failed (${info.code}/${info.subcode})${said}`;
}
