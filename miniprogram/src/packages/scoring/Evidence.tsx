import { useState } from 'react';
import type { EvidenceTarget, ScoringAssessment } from '@shared/api/scoring';
import { call, errorMessage } from '../../api';
import { forgetLocalFile } from '../../api/localFiles';
import { uploadPhoto } from '../../api/uploads';
import { Button, FileLink, Html, Photo, PhotoPicker, useConfirm, type PickedPhoto } from '../../components/ui';
import { scoringApi } from '@shared/api/scoring';
import { captionFromName, sizeText } from './evidenceText';

const MAX = 6;

const sameTarget = (a: EvidenceTarget, b: EvidenceTarget) => JSON.stringify(a) === JSON.stringify(b);

const isPdf = (e: { contentType: string }) => e.contentType === 'application/pdf';

/**
 * The evidence (佐证材料) of one thing — a criterion, a measure, a key task's stage, a meeting: its photos and PDF
 * documents, and (the secretary, while it may change) adding one (uploaded as soon as it is picked, then linked)
 * or removing one added by mistake (asked first). A photo shows as a thumbnail, a PDF as a link with its name.
 */
export function Evidence({
  assessment: a,
  target,
  label,
  canEdit,
  reload,
}: {
  assessment: ScoringAssessment;
  target: EvidenceTarget;
  /** What it is evidence of, for the buttons' names (the criterion's title, the measure). */
  label: string;
  canEdit: boolean;
  reload: (message: string) => void;
}) {
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const [dialog, confirm] = useConfirm();
  const all = a.evidence.filter((e) => sameTarget(e.target, target));
  const photos = all.filter((e) => !isPdf(e));
  const documents = all.filter(isPdf);
  const gallery = photos.map((p) => p.url);

  const add = async (picked: PickedPhoto[]) => {
    setState({ busy: true });
    try {
      for (const p of picked) {
        const ticket = await call(scoringApi.createScoringEvidenceUpload, p.pdf ? { query: { kind: 'pdf' } } : {});
        const key = await uploadPhoto(ticket, p.path);
        const caption = p.pdf ? captionFromName(p.name) : undefined;
        await call(scoringApi.addScoringEvidence, { params: { id: a.id }, body: { target, key, ...(caption ? { caption } : {}) } });
        forgetLocalFile(p.path);
      }
      setState({ busy: false });
      reload(`已添加「${label}」的${picked.every((p) => p.pdf) ? '佐证文件' : picked.some((p) => p.pdf) ? '佐证材料' : '佐证照片'}。`);
    } catch (err) {
      setState({ busy: false, error: `材料没有加上：${errorMessage(err)}` });
    }
  };

  const remove = async (evidenceId: string, what: string) => {
    const ok = await confirm({ title: `删除${what}吗？`, content: `「${label}」的${what}会被删除。`, confirmText: '删除', cancelText: '不删除', destructive: true });
    if (!ok) return;
    try {
      await call(scoringApi.removeScoringEvidence, { params: { id: a.id }, body: { evidenceId } });
      reload(`已删除${what}。`);
    } catch (err) {
      setState({ busy: false, error: errorMessage(err) });
    }
  };

  if (!all.length && !canEdit) return null;
  return (
    <Html tag='div' className='gz-field'>
      {photos.length ? (
        <Html tag='p' className='gz-label'>
          {`佐证照片（${photos.length} 张）`}
        </Html>
      ) : null}
      {photos.length ? (
        <Html tag='ul' className='gz-photos' aria-label={`「${label}」的佐证照片`}>
          {photos.map((p, i) => (
            <Html tag='li' className='gz-photo-item' key={p.id}>
              <Photo src={p.url} alt={p.caption ?? `「${label}」的第 ${i + 1} 张佐证照片`} className='gz-photo' gallery={gallery} />
              {canEdit ? (
                <Button variant='plain' accessibleName={`删除第 ${i + 1} 张佐证照片：${label}`} onClick={() => void remove(p.id, `第 ${i + 1} 张佐证照片`)}>
                  删除
                </Button>
              ) : null}
            </Html>
          ))}
        </Html>
      ) : null}
      {documents.length ? (
        <Html tag='p' className='gz-label'>
          {`佐证文件（${documents.length} 份）`}
        </Html>
      ) : null}
      {documents.length ? (
        <Html tag='ul' className='gz-files' aria-label={`「${label}」的佐证文件`}>
          {documents.map((d, i) => {
            const name = d.caption ?? `佐证文件 ${i + 1}`;
            return (
              <Html tag='li' className='gz-file-item' key={d.id}>
                <FileLink url={d.url} accessibleName={`打开 PDF 文件：${name}（${sizeText(d.size)}）`}>{`${name}（PDF，${sizeText(d.size)}）`}</FileLink>
                {canEdit ? (
                  <Button variant='plain' inline accessibleName={`删除佐证文件「${name}」：${label}`} onClick={() => void remove(d.id, `佐证文件「${name}」`)}>
                    删除
                  </Button>
                ) : null}
              </Html>
            );
          })}
        </Html>
      ) : null}
      {state.error ? (
        <Html tag='p' className='gz-error' role='alert'>
          {state.error}
        </Html>
      ) : null}
      {state.busy ? (
        <Html tag='p' className='gz-text' role='status'>
          正在上传…
        </Html>
      ) : null}
      {canEdit && all.length < MAX ? (
        <PhotoPicker
          label={photos.length ? '再添加佐证照片' : '添加佐证照片'}
          pdf={{ label: '从聊天中添加 PDF 文件', bothLabel: all.length ? '再添加佐证照片或 PDF 文件' : '添加佐证照片或 PDF 文件' }}
          purpose='照片和文件只用于支部创评的佐证材料，只有本支部书记、创评工作小组和社区工作人员能看到。'
          remaining={MAX - all.length}
          onPick={(picked) => void add(picked)}
          onRefused={(message) => setState({ busy: false, error: message })}
          disabled={state.busy}
        />
      ) : null}
      {dialog}
    </Html>
  );
}
