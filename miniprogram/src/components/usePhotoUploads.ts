import { useCallback, useEffect, useRef, useState } from 'react';
import type { UploadTicket } from '@shared/api/uploads';
import { errorMessage } from '../api';
import { forgetLocalFile } from '../api/localFiles';
import { uploadPhoto } from '../api/uploads';
import type { PickedPhoto } from './ui';

/** The contracts' limit (`SubmitFeedbackBody.photos`, `VisitBody.photos`: at most 3). */
export const MAX_PHOTOS = 3;

export interface ReportPhoto {
  id: string;
  /** Local path (WeChat) or object URL (browser): the thumbnail. */
  path: string;
  status: 'uploading' | 'done' | 'failed';
  /** The ticket's key, to send with the report, once uploaded. */
  key?: string;
  error?: string;
}

let counter = 0;

/**
 * The photos of a form (a report, a visit): each uploaded as soon as it is picked (a ticket from `requestTicket`,
 * e.g. `createFeedbackPhotoUpload`, then `uploadPhoto`), so a slow upload or a failure shows beside its thumbnail
 * while the person writes, and the form itself only carries the keys. A failed photo can be sent again or removed.
 */
export function usePhotoUploads(requestTicket: () => Promise<UploadTicket>) {
  const [photos, setPhotos] = useState<ReportPhoto[]>([]);
  const mounted = useRef(true);
  // the latest way to ask for a ticket, without making every callback below new on each render
  const ticketFor = useRef(requestTicket);
  ticketFor.current = requestTicket;
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const update = (id: string, change: Partial<ReportPhoto>) => {
    if (mounted.current) setPhotos((list) => list.map((p) => (p.id === id ? { ...p, ...change } : p)));
  };

  const upload = useCallback(async (photo: Pick<ReportPhoto, 'id' | 'path'>) => {
    update(photo.id, { status: 'uploading', error: undefined });
    try {
      const ticket = await ticketFor.current();
      const key = await uploadPhoto(ticket, photo.path);
      update(photo.id, { status: 'done', key });
    } catch (err) {
      update(photo.id, { status: 'failed', error: errorMessage(err) });
    }
  }, []);

  const add = useCallback(
    (picked: PickedPhoto[]) => {
      const added = picked.map((p) => ({ id: `photo-${++counter}`, path: p.path, status: 'uploading' as const }));
      setPhotos((list) => [...list, ...added].slice(0, MAX_PHOTOS));
      for (const p of added) void upload(p);
    },
    [upload],
  );

  const remove = useCallback((id: string) => {
    setPhotos((list) => {
      const gone = list.find((p) => p.id === id);
      if (gone) forgetLocalFile(gone.path);
      return list.filter((p) => p.id !== id);
    });
  }, []);

  /** A photo the server refused when the form was sent (`photos.<i>`): shown as failed, with its reason. */
  const refuse = useCallback((key: string, message: string) => {
    setPhotos((list) => list.map((p) => (p.key === key ? { ...p, status: 'failed', key: undefined, error: message } : p)));
  }, []);

  const forgetAll = useCallback(() => {
    setPhotos((list) => {
      for (const p of list) forgetLocalFile(p.path);
      return [];
    });
  }, []);

  return { photos, add, remove, retry: upload, refuse, forgetAll };
}
