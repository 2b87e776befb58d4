import type { PropsWithChildren } from 'react';
import Taro, { useLaunch, usePageNotFound } from '@tarojs/taro';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/loading/style/css';
import './app.css';

const NOT_FOUND_PAGE = '/pages/not-found/index';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    /* nothing to prepare: each page checks its own session */
  });
  // An address that matches no page (a mistyped link, an old bookmark): say so instead of a blank page. In the
  // browser Taro's router calls this for an unknown hash; in WeChat, for a page path that is not in the app.
  usePageNotFound(() => {
    void Taro.redirectTo({ url: NOT_FOUND_PAGE });
  });
  return children;
}

export default App;
