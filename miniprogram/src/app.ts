import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/loading/style/css';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    /* nothing to prepare: each page checks its own session */
  });
  return children;
}

export default App;
