// What the call engine is built from: the clock, the directory, delivery and settings.
import type { Clock } from '../clock';
import type { Directory } from '../people';
import type { IdStyle } from './id-style';
import type { CallRec } from './model';

/** Where notifications go: the Deliverer signs and POSTs them. */
export type DeliverFn = (
  url: string,
  body: object,
  meta: { aud: string; tid: string; callId: string; seq?: number },
) => void;

/** Settings the engine reads. */
export interface EngineSettings {
  promptSpeed: number;
  incomingTimeoutMs: number;
  ringTimeoutMs: number;
  /** How new call and operation ids are spelled (EMULATOR_ID_STYLE; default `guid`). */
  idStyle?: IdStyle;
}

export interface EngineDeps {
  clock: Clock;
  directory: Directory;
  deliver: DeliverFn;
  settings: EngineSettings;
  /** Public base URL (https://localhost:port), for Location headers and recording links. */
  publicBase: () => string;
  log: (msg: string, err?: unknown) => void;
  /** Told after every visible change of a call (state, roster, a notification sent): presence follows it. */
  onCallChanged?: (call: CallRec) => void;
  /** Told once when a call has ended (terminated): call records are built from it. */
  onCallEnded?: (call: CallRec) => void;
}
