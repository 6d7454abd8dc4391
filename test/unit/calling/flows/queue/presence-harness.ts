// What the agents' presence subscription tests share: a silent logger, a store in a temp folder per test,
// Graph's change notice for one person, and the secret a subscription request carried.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { GraphRequestSpec } from '../../../../../calling/graph/types';
import { openStore, type Store } from '../../../../../store';

export const quiet = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => quiet,
};

/** A fresh SQLite store for each test of the suite (read `temp.store` inside a test). */
export function useTempStore(): { readonly store: Store } {
  let dir = '';
  let store: Store | undefined;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sb-presence-'));
    store = await openStore({ sqlitePath: path.join(dir, 'db.sqlite') });
  });
  afterEach(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get store(): Store {
      if (!store) throw new Error('the store opens before each test');
      return store;
    },
  };
}

/** Graph's basic change notice: `personId`'s presence changed. */
export const notice = (subscriptionId: string, clientState: string, personId: string) => ({
  subscriptionId,
  clientState,
  changeType: 'updated',
  resource: `communications/presences('${personId}')`,
  resourceData: { '@odata.type': '#Microsoft.Graph.presence', id: personId },
});

/** The clientState a subscription request (POST) carried. */
export const secretOf = (spec: GraphRequestSpec | undefined) =>
  String((spec?.body as { clientState?: string } | undefined)?.clientState);
