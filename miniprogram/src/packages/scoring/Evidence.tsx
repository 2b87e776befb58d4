import { useState } from 'react';
import type { EvidenceTarget, ScoringAssessment } from '@shared/api/scoring';
import { call, errorMessage } from '../../api';
import { forgetLocalFile } from '../../api/localFiles';
import { uploadPhoto } from '../../api/uploads';
import { Button, Html, Photo, PhotoPicker, useConfirm, type PickedPhoto } from '../../components/ui';
import { scoringApi } from '@shared/api/scoring';

const MAX = 6;

const sameTarget = (a: EvidenceTarget, b: EvidenceTarget) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The evidence (佐证材料) of one thing — a criterion, a measure, a key task's stage, a meeting: its photos, and (the
 * secretary, while it may change) adding one (uploaded as soon as it is picked, then linked) or removing one
 * added by mistake (asked first).
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
  const photos = a.evidence.filter((e) => sameTarget(e.target, target));
  const gallery = photos.map((p) => p.url);

  const add = async (picked: PickedPhoto[]) => {
    setState({ busy: true });
    try {
      for (const p of picked) {
        const ticket = await call(scoringApi.createScoringEvidenceUpload);
        const key = await uploadPhoto(ticket, p.path);
        await call(scoringApi.addScoringEvidence, { params: { id: a.id }, body: { target, key } });
        forgetLocalFile(p.path);
      }
      setState({ busy: false });
      reload(`已添加「${label}」的佐证照片。`);
    } catch (err) {
      setState({ busy: false, error: `照片没有加上：${errorMessage(err)}` });
    }
  };

  const remove = async (evidenceId: string, n: number) => {
    const ok = await confirm({ title: `删除第 ${n} 张佐证照片吗？`, content: `「${label}」的这张照片会被删除。`, confirmText: '删除', cancelText: '不删除', destructive: true });
    if (!ok) return;
    try {
      await call(scoringApi.removeScoringEvidence, { params: { id: a.id }, body: { evidenceId } });
      reload('已删除这张佐证照片。');
    } catch (err) {
      setState({ busy: false, error: errorMessage(err) });
    }
  };

  if (!photos.length && !canEdit) return null;
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
                <Button variant='plain' accessibleName={`删除第 ${i + 1} 张佐证照片：${label}`} onClick={() => void remove(p.id, i + 1)}>
                  删除
                </Button>
              ) : null}
            </Html>
          ))}
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
      {canEdit && photos.length < MAX ? (
        <PhotoPicker
          label={photos.length ? '再添加佐证照片' : '添加佐证照片'}
          remaining={MAX - photos.length}
          onPick={(picked) => void add(picked)}
          onRefused={(message) => setState({ busy: false, error: message })}
          disabled={state.busy}
        />
      ) : null}
      {dialog}
    </Html>
  );
}
