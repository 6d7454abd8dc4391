// Graph answering 404 for a call (graph_call_gone) means the call no longer exists, whichever request
// found out: an operation, a hang-up, a keepAlive, a GET. Every request of the call model goes through
// this one wrapper, so each such answer ends the call locally the same way (reason `gone`), flows hear
// `terminated` and stop, instead of each action having to remember it.
import { isCallingError } from '../errors';
import type { GraphContext } from '../graph/types';
import type { CallGraph } from './ports';

/** Told that the call a request named is gone; it must not throw (the request's own error is what counts). */
export type OnCallGone = (callId: string) => Promise<void>;

/** `graph`, with every call-scoped request that answers graph_call_gone reported to `onGone` first. */
export function endCallsOnGone(graph: CallGraph, onGone: OnCallGone): CallGraph {
  return new Proxy(graph, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      return async (...args: unknown[]) => {
        try {
          return await method.apply(target, args);
        } catch (err) {
          // Every CallGraph method takes its GraphContext last; createCall's names no call yet.
          const ctx = args.at(-1) as GraphContext | undefined;
          if (isCallingError(err, 'graph_call_gone') && ctx?.callId) await onGone(ctx.callId);
          throw err;
        }
      };
    },
  });
}
