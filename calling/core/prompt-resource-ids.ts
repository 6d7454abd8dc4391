// Graph caches a prompt's media under its mediaInfo.resourceId and plays the cached copy whenever the
// same id comes again (SPEC §2.4). So an id must always mean the same content: it comes from the
// composition's PromptResourceId, which knows what the app serves; other prompts carry none.
import type { MediaPrompt } from '@microsoft/microsoft-graph-types';
import type { CoreContext } from './context';

/** The prompts, each with the resourceId its content has where the app knows it. */
export async function withResourceIds(ctx: CoreContext, prompts: MediaPrompt[]): Promise<MediaPrompt[]> {
  const resourceIdOf = ctx.promptResourceId;
  if (!resourceIdOf) return prompts;
  return Promise.all(
    prompts.map(async (prompt) => {
      const info = prompt.mediaInfo;
      if (!info?.uri) return prompt;
      const uri = info.uri;
      // Without an id Graph still plays the prompt, fetching it each time: no reason to fail the play.
      const resourceId = await resourceIdOf(uri).catch((err: unknown) => {
        ctx.logger.warn({ err, uri }, 'no resourceId for a prompt; Graph fetches it uncached');
        return undefined;
      });
      return resourceId ? { ...prompt, mediaInfo: { ...info, resourceId } } : prompt;
    }),
  );
}
