// GET /emulator/calls/{callId}/prompts/{id}: the audio of a prompt the call played, from memory, so the
// softphone page plays a person what the caller hears. Gone once the call ends.
import type { HttpResponse, RequestContext } from '../http';
import { controlNotFound } from './body';
import type { ControlDeps } from './deps';

export function promptAudio(deps: ControlDeps, ctx: RequestContext): HttpResponse {
  const wav = deps.svc.promptAudio.get(ctx.params.callId ?? '', ctx.params.audioId ?? '');
  if (!wav) {
    throw controlNotFound(
      "This prompt's audio is no longer kept: the emulator keeps a prompt's audio only while its call lasts (and only the latest prompts).",
    );
  }
  return { status: 200, headers: { 'Content-Type': 'audio/wav' }, body: wav };
}
