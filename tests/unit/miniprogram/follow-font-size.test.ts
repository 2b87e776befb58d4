/**
 * The Taro plugin that makes every mini-program page follow WeChat's font size
 * (miniprogram/config/follow-font-size.ts): each page's WXML gets
 * `<page-meta root-font-size="system" page-font-size="system">` before its root template, once.
 */
import followFontSize, { PAGE_META, withPageMeta } from '../../../miniprogram/config/follow-font-size';

/** What Taro 4.2.1's weapp template writes for a page without `enablePageMeta`. */
const taroPage = '<import src="../../base.wxml"/>\n<template is="taro_tmpl" data="{{root:root}}" />';

describe('follow-font-size', () => {
  it('puts page-meta before the root template, after the import (which is not a node)', () => {
    const wxml = withPageMeta(taroPage);
    expect(wxml).toBe(`<import src="../../base.wxml"/>\n${PAGE_META}\n<template is="taro_tmpl" data="{{root:root}}" />`);
    expect(PAGE_META).toContain('root-font-size="system"');
    expect(PAGE_META).toContain('page-font-size="system"');
  });

  it('leaves a page that already has a page-meta alone, and refuses a template it does not know', () => {
    const own = '<import src="base.wxml"/><page-meta data-sid="{{pageMeta.sid}}"></page-meta><template is="taro_tmpl" />';
    expect(withPageMeta(own)).toBe(own);
    expect(() => withPageMeta('<view />')).toThrow(/changed shape/);
  });

  it('wraps the mini-program platform’s page template once set up, and ignores platforms without one (H5)', () => {
    const registered: Array<(platform: any) => void> = [];
    followFontSize({ registerMethod: ({ name, fn }) => (name === 'onSetupClose' ? registered.push(fn) : undefined) });
    expect(registered).toHaveLength(1);

    const weapp = { template: { buildPageTemplate: (base: string) => taroPage.replace('../../base.wxml', base) } };
    registered[0]!(weapp);
    expect(weapp.template.buildPageTemplate('../../../base.wxml')).toContain(`${PAGE_META}\n<template is="taro_tmpl"`);

    expect(() => registered[0]!({})).not.toThrow();
  });
});
