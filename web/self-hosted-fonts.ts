import type { Plugin } from 'postcss';

/**
 * Keeps every font the pages use inside the build. Vant's icon font lists a copy on a public CDN
 * (at.alicdn.com) after its embedded one: a government page must not make citizens' browsers call
 * a third party (privacy; closed networks; the site's Content-Security-Policy refuses it anyway).
 * This drops every remote `url(...)` from `@font-face` sources, keeping the embedded ones.
 */
export function selfHostedFonts(): Plugin {
  return {
    postcssPlugin: 'civicline-self-hosted-fonts',
    AtRule: {
      'font-face': (rule) => {
        rule.walkDecls('src', (declaration) => {
          const sources = declaration.value
            .split(/,(?![^(]*\))/)
            .map((source) => source.trim())
            .filter((source) => !/url\(\s*['"]?(https?:)?\/\//i.test(source));
          if (sources.length === 0) throw rule.error('@font-face has only remote sources');
          declaration.value = sources.join(',');
        });
      },
    },
  };
}
