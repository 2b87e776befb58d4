import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

/** The API contracts and domain rules live outside `src/`: compile them with the app. */
const sharedDir = path.resolve(__dirname, '../../shared');
const env = process.env.TARO_ENV ?? 'h5';

/**
 * Where the API answers. `GONGZHI_API_BASE` wins; otherwise the browser build talks to its own origin
 * (the local server serves app and API on one port) and the mini-program to the local server.
 */
const apiBase = process.env.GONGZHI_API_BASE ?? (env === 'h5' ? '' : 'http://localhost:3000');

/**
 * The WeChat subscription-message template for "your feedback changed status" (the same id the notifier sends
 * with, `WECHAT_TEMPLATE_FEEDBACK_STATUS` on the server). Empty: the report page does not ask to subscribe.
 */
const feedbackStatusTemplate = process.env.GONGZHI_WECHAT_TEMPLATE_FEEDBACK_STATUS ?? '';

/**
 * Where the browser app is published (a team ID card's QR code opens its public check there). The browser build
 * uses its own address; the mini-program the local server unless `GONGZHI_PUBLIC_URL` says otherwise.
 */
const publicAppUrl = process.env.GONGZHI_PUBLIC_URL ?? (env === 'h5' ? '' : 'http://localhost:3000');

/** The subpackages' roots, read from the app's config (the one place they are declared). */
const SUBPACKAGE_ROOTS = [
  ...readFileSync(path.resolve(__dirname, '../src/app.config.ts'), 'utf8').matchAll(/root:\s*'([^']+)'/g),
].map((m) => m[1] as string);
const MAIN_PACKAGE = 'main';

/** Just what the split-chunks rules below read of webpack's chunks and modules. */
interface WebpackChunk {
  groupsIterable: Iterable<{ origins: { request?: string | null }[] }>;
}
type WebpackModule = object;
interface WebpackChunkGraph {
  getModuleChunksIterable(module: WebpackModule): Iterable<WebpackChunk>;
}

/** Which package a lazily loaded page's chunk belongs to, from the page it was requested as (`./packages/admin/queue/index`). */
const packageOf = (chunk: WebpackChunk): string | undefined => {
  for (const group of chunk.groupsIterable)
    for (const { request } of group.origins) {
      if (!request) continue;
      const root = SUBPACKAGE_ROOTS.find((r) => request.includes(`${r}/`));
      if (root) return root;
      if (request.includes('pages/')) return MAIN_PACKAGE;
    }
  return undefined;
};

const packagesUsing = (module: WebpackModule, chunkGraph: WebpackChunkGraph): Set<string> => {
  const packages = new Set<string>();
  for (const chunk of chunkGraph.getModuleChunksIterable(module)) {
    const pkg = packageOf(chunk);
    if (pkg) packages.add(pkg);
  }
  return packages;
};

export default defineConfig<'webpack5'>(async () => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'gongzhi',
    date: '2026-01-01',
    // NutUI and our own styles are both written for a 375-wide design, in CSS pixels.
    designWidth: 375,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${env}`,
    // WeChat: every page follows the person's WeChat font size (see follow-font-size.ts).
    plugins: [path.resolve(__dirname, 'follow-font-size.ts')],
    defineConstants: {
      API_BASE_URL: JSON.stringify(apiBase),
      FEEDBACK_STATUS_TEMPLATE_ID: JSON.stringify(env === 'weapp' ? feedbackStatusTemplate : ''),
      PUBLIC_APP_URL: JSON.stringify(publicAppUrl),
    },
    alias: {
      '@shared': sharedDir,
      '@': path.resolve(__dirname, '../src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: [sharedDir] },
      postcss: {
        // px (borders, NutUI's own styles) become rpx; our sizes are written in rem and left alone.
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      // A production weapp build should stay small: no source maps in the package.
      enableSourceMap: process.env.NODE_ENV !== 'production',
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedDir] },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      // Taro splits only the initial chunks: every lazily loaded page would carry its own copy of zod, NutUI and
      // the shared components. Share them the way the weapp build packages them, so the first page does not load
      // what only the committee's or another capability's pages use: what pages share is split by the set of
      // pages sharing it (so a page loads only what it uses; HTTP/2 makes the extra requests cheap), and what only
      // one subpackage's pages share goes into that subpackage's own common chunk, loaded with its first page.
      webpackChain(chain) {
        chain.optimization.merge({
          splitChunks: {
            cacheGroups: {
              // Used by a main-package page or by several packages: one chunk per set of pages using it.
              shared: {
                name: false,
                chunks: 'async',
                minChunks: 2,
                priority: 20,
                reuseExistingChunk: true,
                test: (module: WebpackModule, { chunkGraph }: { chunkGraph: WebpackChunkGraph }) => {
                  const packages = packagesUsing(module, chunkGraph);
                  return packages.has(MAIN_PACKAGE) || packages.size > 1;
                },
              },
              ...Object.fromEntries(
                SUBPACKAGE_ROOTS.map((root) => [
                  root,
                  {
                    name: `${root.replace(/\//g, '-')}-common`,
                    chunks: (chunk: WebpackChunk) => packageOf(chunk) === root,
                    minChunks: 2,
                    priority: 10,
                    reuseExistingChunk: true,
                  },
                ]),
              ),
            },
          },
        });
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // In the browser nothing is converted: our sizes are rem of the browser's own font size (so its font
        // setting scales the text), px stay px. Taro's rem-from-window-width would make text tiny on small phones
        // and huge on desktops, whatever the person set. Only the `#ifdef h5` / `#ifdef weapp` blocks are handled.
        pxtransform: { enable: true, config: { methods: ['platform'] } },
        cssModules: { enable: false },
      },
    },
  };
  return config;
});
