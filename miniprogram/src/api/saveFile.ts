import Taro from '@tarojs/taro';

/**
 * Mini-program build: a phone has no downloads folder, so the file is written to the mini-program's own storage
 * and handed to WeChat's "send to a chat" (文件传输助手 included), from where it opens on a computer.
 */
export async function saveTextFile(filename: string, text: string): Promise<'downloaded' | 'shared'> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${filename}`;
  Taro.getFileSystemManager().writeFileSync(filePath, text, 'utf8');
  await Taro.shareFileMessage({ filePath, fileName: filename });
  return 'shared';
}
