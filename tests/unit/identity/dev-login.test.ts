/**
 * The dev login (`dev:<name>` codes, no WeChat) is for `npm start` and the tests only. It needs the flag, and
 * inside AWS Lambda nothing turns it on: the runtime always sets AWS_LAMBDA_FUNCTION_NAME.
 */
import { devLoginEnabled } from '../../../functions/src/identity/wechat';

const saved = { flag: process.env.GONGZHI_DEV_LOGIN, lambda: process.env.AWS_LAMBDA_FUNCTION_NAME };
const set = (name: string, value: string | undefined) => {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
};
afterEach(() => {
  set('GONGZHI_DEV_LOGIN', saved.flag);
  set('AWS_LAMBDA_FUNCTION_NAME', saved.lambda);
});

describe('devLoginEnabled', () => {
  it('is off inside AWS Lambda even when GONGZHI_DEV_LOGIN=1', () => {
    set('GONGZHI_DEV_LOGIN', '1');
    set('AWS_LAMBDA_FUNCTION_NAME', 'Gongzhi-IdentityFunction');
    expect(devLoginEnabled()).toBe(false);
  });

  it('is on locally with GONGZHI_DEV_LOGIN=1', () => {
    set('GONGZHI_DEV_LOGIN', '1');
    set('AWS_LAMBDA_FUNCTION_NAME', undefined);
    expect(devLoginEnabled()).toBe(true);
  });

  it('is off locally without the flag', () => {
    set('GONGZHI_DEV_LOGIN', undefined);
    set('AWS_LAMBDA_FUNCTION_NAME', undefined);
    expect(devLoginEnabled()).toBe(false);
  });

  it.each(['0', 'true', 'yes', ''])('is off when the flag is %j rather than exactly "1"', (value) => {
    set('GONGZHI_DEV_LOGIN', value);
    set('AWS_LAMBDA_FUNCTION_NAME', undefined);
    expect(devLoginEnabled()).toBe(false);
  });
});
