import { Button as TaroButton, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { Button } from './Button';
import type { PhotoPickerProps } from './types';

type Resolve = (option: Taro.onNeedPrivacyAuthorization.ResolveOption) => void;

const AGREE_BUTTON_ID = 'gz-privacy-agree';

const message = (err: unknown): string => (err && typeof err === 'object' && 'errMsg' in err ? String((err as { errMsg: unknown }).errMsg) : '');

const REPORT_PURPOSE = '照片只用于社区了解和处理您反映的问题，只有您本人、社区工作人员和负责处理的红色小管家能看到。';

/**
 * Mini-program build: WeChat's photo picker (album or camera), after WeChat's privacy authorisation. The first
 * time, `requirePrivacyAuthorize` makes WeChat ask through `onNeedPrivacyAuthorization`: this shows what the
 * photos are for, with a button of `open-type="agreePrivacyAuthorization"` (WeChat checks that it was tapped);
 * agreeing lets the pending picker go on, refusing stops it. With `pdf`, a second button picks PDF documents
 * from a chat (`chooseMessageFile`: a phone's files reach WeChat that way), behind the same authorisation.
 */
export function PhotoPicker({ label, remaining, onPick, onRefused, disabled, purpose = REPORT_PURPOSE, pdf }: PhotoPickerProps) {
  const [pending, setPending] = useState<Resolve | null>(null);

  useEffect(() => {
    if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
    Taro.onNeedPrivacyAuthorization((resolve) => {
      resolve({ event: 'exposureAuthorization' });
      setPending(() => resolve);
    });
  }, []);

  const choose = async () => {
    try {
      const res = await Taro.chooseMedia({ count: remaining, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      const photos = res.tempFiles.slice(0, remaining).map((f) => ({ path: f.tempFilePath, size: f.size }));
      if (photos.length) onPick(photos);
    } catch (err) {
      const text = message(err);
      if (/cancel/i.test(text)) return;
      onRefused?.(/privacy|auth deny|authorize/i.test(text) ? '需要您同意隐私保护指引，才能添加照片' : '没能打开相册，请稍后再试');
    }
  };

  const chooseDocuments = async () => {
    try {
      const res = await Taro.chooseMessageFile({ count: remaining, type: 'file', extension: ['pdf'] });
      const files = res.tempFiles.slice(0, remaining).map((f) => ({ path: f.path, size: f.size, name: f.name, pdf: true }));
      if (files.length) onPick(files);
    } catch (err) {
      const text = message(err);
      if (/cancel/i.test(text)) return;
      onRefused?.(/privacy|auth deny|authorize/i.test(text) ? '需要您同意隐私保护指引，才能添加文件' : '没能打开聊天中的文件，请稍后再试');
    }
  };

  const start = (pick: () => Promise<void>, what: string) => {
    if (typeof Taro.requirePrivacyAuthorize !== 'function') {
      void pick();
      return;
    }
    Taro.requirePrivacyAuthorize({
      success: () => void pick(),
      fail: () => onRefused?.(`需要您同意隐私保护指引，才能添加${what}`),
    });
  };

  const answer = (agree: boolean) => {
    pending?.(agree ? { buttonId: AGREE_BUTTON_ID, event: 'agree' } : { event: 'disagree' });
    setPending(null);
  };

  return (
    <>
      <Button onClick={() => start(choose, '照片')} disabled={disabled || remaining <= 0}>
        {label}
      </Button>
      {pdf ? (
        <Button onClick={() => start(chooseDocuments, '文件')} disabled={disabled || remaining <= 0}>
          {pdf.label}
        </Button>
      ) : null}
      {pending ? (
        <View className='gz-dialog-backdrop'>
          <View className='gz-dialog'>
            <Text className='gz-h2'>{pdf ? '添加照片或文件前，请您同意' : '添加照片前，请您同意'}</Text>
            <Text className='gz-text'>{purpose}</Text>
            <Text className='gz-link' onClick={() => void Taro.openPrivacyContract({})}>
              查看《隐私保护指引》
            </Text>
            <View className='gz-dialog-actions'>
              <TaroButton className='gz-btn gz-btn--plain' hoverClass='none' onClick={() => answer(false)}>
                不同意
              </TaroButton>
              <TaroButton
                id={AGREE_BUTTON_ID}
                className='gz-btn gz-btn--primary'
                hoverClass='none'
                openType='agreePrivacyAuthorization'
                onAgreePrivacyAuthorization={() => answer(true)}
              >
                同意
              </TaroButton>
            </View>
          </View>
        </View>
      ) : null}
    </>
  );
}
