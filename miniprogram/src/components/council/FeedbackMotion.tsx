import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { MotionSummary } from '@shared/api/council';
import { type Realm } from '../../api';
import { Button, Html, useUniqueId } from '../ui';
import { MotionPhaseTag } from './MotionPhaseTag';
import { motionWhenText } from './councilText';
import { clientOf } from './motionProps';
import { councilApi } from '@shared/api/council';

/** The motion a feedback was made into (null: none yet; undefined: not known yet, or not reachable). */
export function useFeedbackMotion(feedbackId: string, realm: Realm) {
  const [motion, setMotion] = useState<MotionSummary | null | undefined>(undefined);
  const load = useCallback(async () => {
    try {
      setMotion((await clientOf(realm)(councilApi.getFeedbackMotion, { params: { id: feedbackId } })).motion);
    } catch {
      /* the feedback's page works without it */
    }
  }, [feedbackId, realm]);
  useEffect(() => {
    void load();
  }, [load]);
  return { motion, setMotion, reload: load };
}

/**
 * A feedback taken to the council: where the motion stands, and the way to it — for the committee always; for
 * the resident who reported it once it is decided (before that only members see a motion).
 */
export function FeedbackMotionCard({ motion, realm, headingTag = 'h2' }: { motion: MotionSummary; realm: Realm; headingTag?: 'h2' | 'h3' }) {
  const titleId = useUniqueId('feedback-motion');
  const decided = motion.phase === 'decided';
  const url = realm === 'staff' ? `/packages/admin/motion/index?id=${motion.id}&council=${motion.councilId}` : `/packages/council/motion/index?id=${motion.id}`;
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag={headingTag} className='gz-h2' id={titleId}>
        提交议事会
      </Html>
      <Html tag='p' className='gz-text'>
        {decided ? '议事会已对这个问题作出表决：' : '社区已将这个问题提交议事会商议：'}
      </Html>
      <Html tag='div' className='gz-item-head'>
        <Html tag='p' className='gz-item-title'>
          {motion.title}
        </Html>
        <MotionPhaseTag phase={motion.phase} result={motion.result} />
      </Html>
      {motionWhenText(motion) ? (
        <Html tag='p' className='gz-meta'>
          {motionWhenText(motion)}
        </Html>
      ) : null}
      {realm === 'staff' || decided ? (
        <Button inline onClick={() => void Taro.navigateTo({ url })}>
          {decided ? '查看表决结果' : '查看议题'}
        </Button>
      ) : null}
    </Html>
  );
}
