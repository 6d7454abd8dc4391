// Short recordings: fetched into memory, analysed (did the caller speak?), wiped and forgotten.
export {
  createEnergyAnalyser,
  frameLevels,
  voicedFrames,
  type EnergyAnalyserOptions,
  type RecordingAnalyser,
  type SpeechAnalysis,
} from './analyser';
export { createRecordingFetcher, type FetchRecordingOptions, type RecordingFetcher } from './fetch-recording';
export { forgetRecordings, withoutRecordingRefs } from './forget-recording';
export { analyseRecording, type AnalyseDeps, type RecordingBranch } from './analyse-recording';
