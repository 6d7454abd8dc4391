// Azure AI Speech (speech to text for short audio) as the emulator serves it.
export { SpeechService, RECOGNITION_PATH, type SpeechFault, type SpeechServiceDeps } from './service';
export { recognise, displayForm, lexicalForm, type RecognitionAnswer } from './recognise';
