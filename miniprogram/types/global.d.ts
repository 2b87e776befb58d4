/// <reference types="@tarojs/taro" />

declare module '*.css';
declare module '*.png';
declare module '*.svg';

/** Set by `defineConstants` in config/index.ts: the API origin ('' = same origin). */
declare const API_BASE_URL: string;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony' | 'rn';
  }
}
