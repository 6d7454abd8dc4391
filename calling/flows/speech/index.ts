// Speech recognition (Azure AI Speech's short-audio REST API behind an interface) and what the words
// mean to a menu (choices by phrase, sentiment), all in memory.
export {
  NO_RECOGNISER,
  RecognitionError,
  type Recognition,
  type RecognitionErrorCode,
  type RecogniseOptions,
  type SpeechRecogniser,
} from './recogniser';
export {
  createAzureSpeechRecogniser,
  readRecognition,
  recognitionUrl,
  type AzureSpeechOptions,
} from './azure-speech';
export { toRecognitionWav } from './recognition-audio';
export { matchChoice, normaliseWords, sentimentScore, type ChoicePhrases } from './understand';
