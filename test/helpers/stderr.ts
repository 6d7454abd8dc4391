// What a test's code writes to the process's stderr, kept instead of printed, for each test of a suite.

/** Registers hooks that capture stderr during each test; the array holds what the current test wrote. */
export function captureStderrPerTest(): string[] {
  const written: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  beforeEach(() => {
    written.length = 0;
    process.stderr.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
  });
  afterEach(() => {
    process.stderr.write = write;
  });
  return written;
}
