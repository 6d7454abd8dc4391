// A small client of the emulator's control API (CONTROL.md), over plain HTTP with fetch.

/** A control API answer: the status and the parsed JSON body (the text when it is not JSON). */
export interface ControlResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
}

/** A control request the emulator refused; `message` is the emulator's own (a Graph-shaped error). */
export class EmulatorControlError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    const detail = errorMessage(body);
    super(`${method} ${path} answered ${status}${detail ? `: ${detail}` : ''}`);
    this.name = 'EmulatorControlError';
  }
}

function errorMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.slice(0, 300) || undefined;
  const err = (body as { error?: { message?: unknown } } | undefined)?.error;
  return typeof err?.message === 'string' ? err.message : undefined;
}

export type Control = <T = unknown>(
  method: string,
  path: string,
  body?: unknown,
) => Promise<ControlResponse<T>>;

/** Sends control requests to `httpUrl` (the emulator's plain-HTTP address). */
export function controlClient(httpUrl: string): Control {
  return async <T>(method: string, p: string, body?: unknown): Promise<ControlResponse<T>> => {
    const res = await fetch(new URL(p, httpUrl), {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        // Not JSON (an audio file's metadata, a plain error): the text itself is the body.
        parsed = text;
      }
    } else parsed = undefined;
    return { status: res.status, body: parsed as T };
  };
}

/** Like `control`, but a status of 400 or more throws an EmulatorControlError. */
export async function expectOk<T>(control: Control, method: string, p: string, body?: unknown): Promise<T> {
  const res = await control<T>(method, p, body);
  if (res.status >= 400) throw new EmulatorControlError(method, p, res.status, res.body);
  return res.body;
}
