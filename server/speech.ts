// Speech recognition for the IVR's listen nodes: Azure AI Speech's short-audio REST API when a key and
// a region or endpoint are configured (local mode points it at the emulator); otherwise none.
import { createAzureSpeechRecogniser, type Fetch, type SpeechRecogniser } from '../calling';
import type { Config } from './config';

/** The recogniser and default language the call flows get from the configuration. */
export function speechRecognition(
  config: Config,
  fetch: Fetch,
): { recogniser?: SpeechRecogniser; speechLanguage: string } {
  const key = config.SPEECH_KEY;
  if (!key || (!config.SPEECH_REGION && !config.SPEECH_ENDPOINT))
    return { speechLanguage: config.SPEECH_LANGUAGE };
  return {
    recogniser: createAzureSpeechRecogniser({
      key,
      ...(config.SPEECH_ENDPOINT ? { endpoint: config.SPEECH_ENDPOINT } : { region: config.SPEECH_REGION }),
      fetch,
    }),
    speechLanguage: config.SPEECH_LANGUAGE,
  };
}
