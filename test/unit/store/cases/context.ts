import type { Store } from '../../../../store';
import type { StoreTarget } from '../targets';

/** What each contract case gets: the target and the store opened on its main database. */
export interface ContractContext {
  readonly target: StoreTarget;
  readonly store: Store;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
