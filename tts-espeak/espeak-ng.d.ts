// The espeak-ng package ships no typings: an Emscripten module factory that runs the espeak-ng CLI.
declare module 'espeak-ng' {
  interface EspeakModule {
    readonly FS: { readFile(path: string): Uint8Array };
  }
  interface EspeakOptions {
    arguments: string[];
    print?: (line: string) => void;
    printErr?: (line: string) => void;
  }
  const factory: (opts: EspeakOptions) => Promise<EspeakModule>;
  export default factory;
}
