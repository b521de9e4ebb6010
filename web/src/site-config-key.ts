import type { InjectionKey } from 'vue';
import type { SiteConfig } from '../../shared/contract/site-config';

/** The site configuration an app was started with, for the components that need it (sign-in). */
export const SITE_CONFIG: InjectionKey<SiteConfig> = Symbol('site-config');
