import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { call } from '../../../api';
import { useLoaded } from '../../../components/useLoaded';
import { ListFooter } from '../../../components/ListFooter';
import { EmptyState, ErrorState, LoadingState, Notice } from '../../../components/States';
import { CouncilMembers } from '../../../components/council/CouncilMembers';
import { DecisionCard } from '../../../components/council/DecisionCard';
import { MotionCard } from '../../../components/council/MotionCard';
import { seatText } from '../../../components/council/councilText';
import { Button, Html, useUniqueId } from '../../../components/ui';
import { usePagedList } from '../../../components/usePagedList';
import { useSession } from '../../../components/useSession';
import { councilApi } from '@shared/api/council';

const openMotion = (id: string) => void Taro.navigateTo({ url: `/packages/council/motion/index?id=${id}` });

/** A member's view: the council's motions, newest first, those awaiting their ballot marked. */
function MotionsSection({ councilId }: { councilId: string }) {
  const titleId = useUniqueId('motions-title');
  const fetchPage = useCallback((cursor: string | undefined) => call(councilApi.listCouncilMotions, { params: { id: councilId }, query: { limit: 20, cursor } }), [councilId]);
  const list = usePagedList(fetchPage);
  return (
    <Html tag='section' className='gz-section-gap-top' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        议题
      </Html>
      {list.error ? <ErrorState message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.loading && !list.loaded ? <LoadingState /> : null}
      {list.loaded && !list.items.length ? <EmptyState title='还没有议题。成员可以点上面的“提出议题”。' /> : null}
      {list.items.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
          {list.items.map((m) => (
            <Html tag='li' key={m.id}>
              <MotionCard motion={m} onOpen={() => openMotion(m.id)} />
            </Html>
          ))}
        </Html>
      ) : null}
      <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onMore={() => void list.loadMore()} count={list.items.length} />
    </Html>
  );
}

/** Every resident's view: what the council decided, latest first, with the counts. */
function DecisionsSection({ councilId }: { councilId: string }) {
  const titleId = useUniqueId('decisions-title');
  const fetchPage = useCallback((cursor: string | undefined) => call(councilApi.listCouncilDecisions, { params: { id: councilId }, query: { limit: 20, cursor } }), [councilId]);
  const list = usePagedList(fetchPage);
  return (
    <Html tag='section' className='gz-section-gap-top' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        表决结果
      </Html>
      {list.error ? <ErrorState message={list.error} onRetry={() => void list.reload()} /> : null}
      {list.loading && !list.loaded ? <LoadingState /> : null}
      {list.loaded && !list.items.length ? <EmptyState title='还没有表决结果。' /> : null}
      {list.items.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
          {list.items.map((d) => (
            <Html tag='li' key={d.id}>
              <DecisionCard decision={d} onOpen={() => openMotion(d.id)} />
            </Html>
          ))}
        </Html>
      ) : null}
      <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} onMore={() => void list.loadMore()} count={list.items.length} />
    </Html>
  );
}

/**
 * A council's page: its purpose and who sits for which party; for members the motions (to discuss and vote on)
 * and 提出议题; for every resident the decisions.
 */
export default function CouncilPage() {
  const session = useSession('resident');
  const { params } = useRouter();
  const id = params.id ?? '';
  const { data: council, error, load } = useLoaded(session ? () => call(councilApi.getCouncil, { params: { id } }) : null, [id], {
    missing: id ? undefined : '没有指定要查看的议事会',
  });
  /** Remounts the lists on refresh (pull-down, or back from a motion where a ballot was cast). */
  const [round, setRound] = useState(0);
  const firstShow = useRef(true);
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else setRound((r) => r + 1);
  });
  usePullDownRefresh(() => {
    setRound((r) => r + 1);
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  if (!session) return <LoadingState text='正在前往登录…' />;
  if (error) return <ErrorState message={error} onRetry={() => void load()} />;
  if (!council) return <LoadingState />;
  const member = council.viewer === 'member';

  return (
    <Html tag='main' className='gz-page'>
      <Html tag='h1' className='gz-h1'>
        {council.name}
      </Html>
      {params.claimed === '1' ? <Notice kind='ok'>认领成功，您现在可以参加讨论和投票。</Notice> : null}
      <Html tag='p' className='gz-text gz-pre'>
        {council.purpose}
      </Html>
      {council.mySeat ? (
        <>
          <Html tag='p' className='gz-text'>
            {`您是本会成员（${seatText(council.mySeat)}）。`}
          </Html>
          <Button variant='primary' onClick={() => void Taro.navigateTo({ url: `/packages/council/propose/index?council=${council.id}` })}>
            提出议题
          </Button>
        </>
      ) : null}
      {member ? <MotionsSection key={`m${round}`} councilId={council.id} /> : <DecisionsSection key={`d${round}`} councilId={council.id} />}
      <CouncilMembers council={council} />
      <Html tag='div' className='gz-footer-links'>
        <Button variant='plain' inline onClick={() => void Taro.redirectTo({ url: '/packages/council/index/index' })}>
          返回议事会列表
        </Button>
      </Html>
    </Html>
  );
}
