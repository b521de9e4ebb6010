import type { SiteConfig } from '../../shared/contract/site-config';
import { useApiAt } from './api/client';

/**
 * Reads `/config.json` (where the API is, how staff sign in) and points the API client at it,
 * before an app mounts. Without it (an old server), the API is taken to share the pages' origin.
 */
export async function loadSiteConfig(): Promise<SiteConfig> {
  const config = (await fetch('/config.json', { cache: 'no-cache' })
    .then((response) => (response.ok ? response.json() : undefined))
    .catch(() => undefined)) as SiteConfig | undefined;
  const site = config ?? { apiUrl: '', signIn: { kind: 'local' } };
  useApiAt(site.apiUrl);
  return site;
}
