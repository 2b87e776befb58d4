/// <reference types="@tarojs/taro" />

declare module '*.css';
declare module '*.png';
declare module '*.svg';

/** Set by `defineConstants` in config/index.ts: the API origin ('' = same origin). */
declare const API_BASE_URL: string;

/** Set by `defineConstants`: the WeChat subscription template for feedback status changes ('' = do not ask). */
declare const FEEDBACK_STATUS_TEMPLATE_ID: string;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony' | 'rn';
  }
}
