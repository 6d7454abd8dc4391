/** The delegated scope the tab's token must carry (Teams SSO's conventional name). */
export const TAB_SCOPE = 'access_as_user';

/** `api://<host of publicUrl>/<appId>`: the Application ID URI Teams SSO expects by default. */
export function defaultTabAudience(publicUrl: string, appId: string): string {
  return `api://${new URL(publicUrl).hostname}/${appId}`;
}
