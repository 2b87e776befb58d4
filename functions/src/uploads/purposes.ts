import type { UploadContentType } from '../../../shared/api/uploads';

/** What one purpose accepts, and what a refused upload is told (in the words of the form it belongs to). */
export interface PurposeRules {
  maxBytes: number;
  types: readonly UploadContentType[];
  /** What the POST policy asks of the declared `Content-Type`: the store checks no more, so the server sniffs. */
  declaredTypePrefix: string;
  messages: { invalid: string; type: string; size: string; duplicate: string };
}

const MiB = 1024 * 1024;

/**
 * Every purpose an upload can serve, with its limits. A purpose names the folder its checked uploads are kept
 * in (`stored/<community>/<purpose>/…`), so CDK can grant a context exactly its purposes' objects.
 */
export const UPLOAD_PURPOSES = {
  'feedback-photo': {
    maxBytes: 5 * MiB,
    types: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'],
    declaredTypePrefix: 'image/',
    messages: {
      invalid: '照片无效或已过期，请重新上传',
      type: '只能上传 JPG、PNG、WebP 或 HEIC 图片',
      size: '照片不能超过 5 MB',
      duplicate: '同一张照片不能重复添加',
    },
  },
  // a branch's evidence (佐证材料) for its self-assessment, key tasks, rectification and meetings: photos of the
  // work, of a document or a notice board, so a little larger than a feedback photo
  'scoring-evidence': {
    maxBytes: 10 * MiB,
    types: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'],
    declaredTypePrefix: 'image/',
    messages: {
      invalid: '材料无效或已过期，请重新上传',
      type: '只能上传 JPG、PNG、WebP 或 HEIC 图片（文件请拍照上传）',
      size: '图片不能超过 10 MB',
      duplicate: '同一张图片不能重复添加',
    },
  },
  // a photo a red steward takes on a home visit (走访入户) "if useful": a broken handrail, a damp wall; seen by the
  // household's steward and the committee only
  'visit-photo': {
    maxBytes: 5 * MiB,
    types: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'],
    declaredTypePrefix: 'image/',
    messages: {
      invalid: '照片无效或已过期，请重新上传',
      type: '只能上传 JPG、PNG、WebP 或 HEIC 图片',
      size: '照片不能超过 5 MB',
      duplicate: '同一张照片不能重复添加',
    },
  },
} as const satisfies Record<string, PurposeRules>;

export type UploadPurpose = keyof typeof UPLOAD_PURPOSES;

export const rulesFor = (purpose: UploadPurpose): PurposeRules => UPLOAD_PURPOSES[purpose];
