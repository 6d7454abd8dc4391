// Types of stamp.mjs and steps.mjs for the TypeScript that tests them.
export interface BuildStep {
  readonly name: string;
  /** The command as a person would type it. */
  readonly label: string;
  readonly inputs: readonly string[];
  readonly missing: (root: string, files: readonly string[]) => string[];
  /** Runs before the command; `full` when every output must be written afresh. */
  readonly prepare: (root: string, opts: { full: boolean }) => void;
  readonly command: readonly string[];
}
export interface StepStatus {
  readonly build: boolean;
  readonly hash: string;
  readonly missing: readonly string[];
  readonly why: string;
}
export const STAMP_FILE: string;
export function inputFiles(root: string, inputs: readonly string[]): string[];
export function hashFiles(root: string, files: readonly string[]): string;
export function readStamps(root: string): Record<string, string>;
export function writeStamp(root: string, name: string, hash: string): void;
export function stepStatus(root: string, step: BuildStep, stamps?: Record<string, string>): StepStatus;
