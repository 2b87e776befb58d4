import * as z from 'zod';
import { MOBILE_PATTERN } from '../feedback/contact';

/**
 * Fields that several contexts' contracts use: they live here, not in their own context's contract file, because
 * importing one schema from a module builds every schema in it. A Lambda that names a feedback id would otherwise
 * build all of the feedback contracts at each cold start (and the mini-program's pages would carry them).
 */
export const CommunityId = z.string().regex(/^[a-z0-9-]{2,40}$/, '社区编号无效');
export const FeedbackId = z.string().regex(/^[0-9a-f-]{36}$/, '反馈编号无效');
export const FeedbackIdParams = z.object({ id: FeedbackId });
export const MobilePhone = z.string().trim().regex(MOBILE_PATTERN, '请填写 11 位手机号码');
