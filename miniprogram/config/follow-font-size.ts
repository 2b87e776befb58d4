/**
 * A Taro plugin: every mini-program page follows the person's WeChat font size (适老化).
 *
 * WeChat's `<page-meta root-font-size="system" page-font-size="system">` makes `rem` (all our sizes, see app.css)
 * and the page's own text size follow the WeChat font setting. Taro 4.2.1's `PageMeta` component cannot do this
 * well: its page template binds `root-font-size` but not `page-font-size`, it needs `enablePageMeta` in every page
 * config, and its values only arrive with the page's first `setData`, so the first frame would be laid out at
 * WeChat's default rem (1/20 of the screen width) and then jump. Written into each page's WXML instead, the node is
 * there, static, before anything renders. (WeChat requires page-meta to be the page's first node: the `<import>`
 * before it is not a node.)
 */
export const PAGE_META = '<page-meta root-font-size="system" page-font-size="system"></page-meta>';

/** Puts the page-meta node before the page's root template, unless the page already has one. */
export const withPageMeta = (wxml: string): string => {
  if (wxml.includes('<page-meta')) return wxml;
  const at = wxml.indexOf('<template is="taro_tmpl"');
  if (at < 0) throw new Error('follow-font-size: the page template has changed shape; check this plugin against Taro');
  return `${wxml.slice(0, at)}${PAGE_META}\n${wxml.slice(at)}`;
};

interface PageTemplate {
  buildPageTemplate?: (baseTempPath: string, page?: unknown) => string;
}

interface PluginContext {
  registerMethod: (arg: { name: string; fn: (platform: { template?: PageTemplate }) => void }) => void;
}

export default (ctx: PluginContext) => {
  // Called once the platform (weapp, h5, …) is set up; only mini-program platforms build page templates.
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      const template = platform.template;
      const build = template?.buildPageTemplate;
      if (!template || !build) return;
      template.buildPageTemplate = (baseTempPath, page) => withPageMeta(build(baseTempPath, page));
    },
  });
};
