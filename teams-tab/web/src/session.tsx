// What every view needs: the API client, the host context, and one place to report failures.
import { createContext, useCallback, useContext, useState } from 'react';
import type { ReactNode } from 'react';
import { ApiError } from './api';
import type { Api } from './api';
import type { HostContext } from './host';

export interface Session {
  api: Api;
  host: HostContext;
  /** Shows a failure: auth failures as the consent message, others as an error bar. */
  fail(err: unknown): void;
  /** Bumped after a successful sign-in so views load again. */
  generation: number;
}

const SessionContext = createContext<Session | undefined>(undefined);

/** The session for the views below it. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

export interface Problem {
  auth: boolean;
  message: string;
  consentLabel?: string;
}

/** Turns any thrown value into what the UI shows. */
export function problemOf(err: unknown): Problem {
  if (err instanceof ApiError) {
    return {
      auth:
        err.needsConsent || err.body.code === 'consent_required' || err.body.code === 'tenant_not_allowed',
      message: err.message,
      consentLabel: err.needsConsent ? (err.body.consent?.buttonLabel ?? 'Sign in') : undefined,
    };
  }
  return { auth: false, message: err instanceof Error ? err.message : String(err) };
}

export function SessionProvider(props: {
  api: Api;
  host: HostContext;
  children: (state: {
    problem: Problem | undefined;
    clear(): void;
    retry(): void;
    fail(err: unknown): void;
  }) => ReactNode;
}) {
  const [problem, setProblem] = useState<Problem | undefined>();
  const [generation, setGeneration] = useState(0);
  const fail = useCallback((err: unknown) => {
    console.warn(err);
    setProblem(problemOf(err));
  }, []);
  const clear = useCallback(() => setProblem(undefined), []);
  const retry = useCallback(() => {
    setProblem(undefined);
    setGeneration((g) => g + 1);
  }, []);
  return (
    <SessionContext.Provider value={{ api: props.api, host: props.host, fail, generation }}>
      {props.children({ problem, clear, retry, fail })}
    </SessionContext.Provider>
  );
}
