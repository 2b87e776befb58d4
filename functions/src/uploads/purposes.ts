import type { UploadContentType, UploadKind } from '../../../shared/api/uploads';

/** The files of one kind a purpose accepts: their types and their size limit. */
export interface KindRules {
  maxBytes: number;
  types: readonly UploadContentType[];
  /** What the POST policy asks of the declared `Content-Type`: the store checks no more, so the server sniffs. */
  declaredTypePrefix: string;
}

/**
 * What one purpose accepts, and what a refused upload is told (in the words of the form it belongs to): photos
 * (the fields of the rules themselves), and PDF documents where `pdf` is given.
 */
export interface PurposeRules extends KindRules {
  pdf?: KindRules;
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
  // work, of a document or a notice board, so a little larger than a feedback photo; and the documents themselves
  // as PDF (a meeting's minutes, a work plan), which run to many pages
  'scoring-evidence': {
    maxBytes: 10 * MiB,
    types: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'],
    declaredTypePrefix: 'image/',
    pdf: { maxBytes: 20 * MiB, types: ['application/pdf'], declaredTypePrefix: 'application/pdf' },
    messages: {
      invalid: '材料无效或已过期，请重新上传',
      type: '只能上传 JPG、PNG、WebP、HEIC 图片或 PDF 文件',
      size: '图片不能超过 10 MB，PDF 文件不能超过 20 MB',
      duplicate: '同一份材料不能重复添加',
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

/** The rules of one kind of file for a purpose; undefined when the purpose does not take that kind. */
export const kindRulesFor = (purpose: UploadPurpose, kind: UploadKind): KindRules | undefined => {
  const rules = rulesFor(purpose);
  return kind === 'pdf' ? rules.pdf : rules;
};

/** The rules a file of this (sniffed) type falls under for a purpose; undefined when the purpose refuses it. */
export const rulesForType = (rules: PurposeRules, type: UploadContentType): KindRules | undefined =>
  [rules, rules.pdf].find((k) => k?.types.includes(type));

/** The largest file a purpose takes, of any kind (what is worth reading before the type is known). */
export const largestAllowed = (rules: PurposeRules): number => Math.max(rules.maxBytes, rules.pdf?.maxBytes ?? 0);
