import Taro from '@tarojs/taro';

/** Goes back when the previous page is `url` (keeps the history short), otherwise opens it in place. */
export const backOrRedirect = (url: string): void => {
  const pages = Taro.getCurrentPages();
  const previous = pages.length > 1 ? pages[pages.length - 2] : undefined;
  const route = previous?.route ?? '';
  if (route && url.replace(/^\//, '').startsWith(route.replace(/^\//, ''))) void Taro.navigateBack();
  else void Taro.redirectTo({ url });
};
