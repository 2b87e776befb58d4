/// <reference types="@tarojs/taro" />

declare module '*.css';
declare module '*.png';
declare module '*.svg';

/** Set by `defineConstants` in config/index.ts: the API origin ('' = same origin). */
declare const API_BASE_URL: string;

/** Set by `defineConstants`: the WeChat subscription template for feedback status changes ('' = do not ask). */
declare const FEEDBACK_STATUS_TEMPLATE_ID: string;

/** Set by `defineConstants`: where the browser app is published ('' = this page's own address). */
declare const PUBLIC_APP_URL: string;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony' | 'rn';
  }
}
