// How a call ended, from its end code and what the app knows: the app hung up (and who asked it to),
// the other side hung up, the call was put through to someone.
import type { StoredCall } from '../../storage';
import type { ResultInfo } from '../../types';
import { endWords, outcomeOf, wordsFor, type CallOutcome } from '../outcomes';
import { LOCAL_END_REASONS } from '../result-info';
import type { CallMeta } from './annotations';
import type { CallEnd, CallPerson } from './call';

/** The end's outcome before people are known (they depend on it), with Graph's resultInfo. */
export function endOutcome(
  c: StoredCall,
  meta: CallMeta,
): { readonly outcome: CallOutcome; readonly resultInfo?: ResultInfo } {
  if (c.endReason === LOCAL_END_REASONS.gone) return { outcome: 'gone' };
  const resultInfo = c.endCode === null ? undefined : { code: c.endCode, subcode: c.endSubcode ?? 0 };
  const reason = c.resource['terminationReason'];
  let outcome = outcomeOf(resultInfo, typeof reason === 'string' ? reason : undefined);
  // Graph reports a hang-up by the app as a plain end (5001): the app asked for it, so the app ended it.
  if (meta.hangUp && (outcome === 'completed' || outcome === 'endedByApp')) outcome = 'endedByApp';
  return { outcome, ...(resultInfo ? { resultInfo } : {}) };
}

/** The end in words, naming who ended it when that is known. */
export function endOf(
  ended: ReturnType<typeof endOutcome>,
  meta: CallMeta,
  people: readonly CallPerson[],
  appName: string,
): CallEnd {
  const others = people.filter((p) => !p.isSelf);
  let by: string | undefined;
  if (ended.outcome === 'endedByApp') by = meta.hangUp?.by ?? appName;
  if (ended.outcome === 'transferred') {
    by = others.filter((p) => p.status === 'joined').at(-1)?.name;
  }
  if (ended.outcome === 'hungUp') {
    // Only in a call with one other person is it clear who hung up.
    const were = others.filter((p) => p.joinedAt !== undefined);
    if (were.length === 1) by = were[0]!.name;
  }
  const words =
    ended.outcome === 'failed' && ended.resultInfo ? endWords(ended.resultInfo) : wordsFor(ended.outcome, by);
  return {
    outcome: ended.outcome,
    words,
    ...(by ? { by } : {}),
    ...(ended.resultInfo ? { resultInfo: ended.resultInfo } : {}),
  };
}
