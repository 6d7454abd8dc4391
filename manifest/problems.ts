// The package build's one error shape: every problem names the manifest field (or variable) it is about.

/** One thing wrong with the manifest or its inputs. */
export interface Problem {
  /** A JSON path into the manifest (`bots[0].botId`), an icon field (`icons.outline`) or a variable. */
  readonly field: string;
  /** What is wrong and what to do about it. */
  readonly message: string;
}

/** Thrown when the package cannot be built; `problems` lists every finding, each naming its field. */
export class ManifestError extends Error {
  override name = 'ManifestError';
  constructor(readonly problems: readonly Problem[]) {
    super(formatProblems(problems));
  }
}

/** One line per problem: `field: message`. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.field}: ${p.message}`).join('\n');
}
