import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { ResponseOf } from '@shared/api/endpoint';
import type { Venue } from '@shared/api/teams';
import { errorMessage, staffCall } from '../../../api';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { backOrRedirect } from '../../../components/nav';
import { TeamStatusTag } from '../../../components/teams/TeamStatusTag';
import { slotsText, venueRulesText } from '../../../components/teams/teamText';
import { Button, Html, SelectField, useUniqueId } from '../../../components/ui';
import { useSession } from '../../../components/useSession';
import { ADMIN_SECTIONS } from '../sections';
import { WeekTable } from './WeekTable';
import { weekSummary } from './weekTable';
import { teamsApi } from '@shared/api/teams';

type Week = ResponseOf<typeof teamsApi.getVenueTimetable>;
type Load<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; value: T };

/**
 * A venue's week (场地时间表): which registered teams dance there when, how many at once, and where that is more
 * than the venue holds (a venue made smaller after teams were registered). Pick the venue; opened from the
 * venues page with it chosen.
 */
export default function TimetablePage() {
  const session = useSession('staff');
  const { params } = useRouter();
  const [venues, setVenues] = useState<Load<Venue[]>>({ state: 'loading' });
  const [venueId, setVenueId] = useState(params.venue ?? '');
  const [week, setWeek] = useState<Load<Week> | null>(null);
  const pickerId = useUniqueId('timetable-venue');
  const titleId = useUniqueId('timetable-title');
  const teamsTitleId = useUniqueId('timetable-teams');

  const fetchVenues = useCallback(async () => {
    setVenues({ state: 'loading' });
    try {
      const { items } = await staffCall(teamsApi.listVenues);
      setVenues({ state: 'ready', value: items });
      setVenueId((id) => (items.some((v) => v.id === id) ? id : (items[0]?.id ?? '')));
    } catch (err) {
      setVenues({ state: 'error', message: errorMessage(err) });
    }
  }, []);
  useEffect(() => {
    if (session) void fetchVenues();
  }, [session, fetchVenues]);

  const fetchWeek = useCallback(async () => {
    if (!venueId) return;
    setWeek({ state: 'loading' });
    try {
      setWeek({ state: 'ready', value: await staffCall(teamsApi.getVenueTimetable, { params: { id: venueId } }) });
    } catch (err) {
      setWeek({ state: 'error', message: errorMessage(err) });
    }
  }, [venueId]);
  useEffect(() => {
    if (session && venues.state === 'ready') void fetchWeek();
  }, [session, venues.state, fetchWeek]);

  if (!session) return <LoadingState text='正在前往登录…' />;

  const list = venues.state === 'ready' ? venues.value : [];
  const venue = list.find((v) => v.id === venueId);

  return (
    <AdminShell sections={ADMIN_SECTIONS} current='teams' session={session}>
      <Html tag='h1' className='gz-h1'>
        场地时间表
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        选一个场地，查看一周里哪些已备案的舞队在什么时间活动。
      </Html>
      {venues.state === 'loading' ? <LoadingState /> : null}
      {venues.state === 'error' ? <ErrorState message={venues.message} onRetry={() => void fetchVenues()} /> : null}
      {venues.state === 'ready' && !list.length ? (
        <EmptyState title='还没有场地。'>
          <Button inline onClick={() => void Taro.navigateTo({ url: '/packages/admin/venues/index' })}>
            去添加场地
          </Button>
        </EmptyState>
      ) : null}
      {venues.state === 'ready' && list.length ? (
        <>
          <Html tag='div' className='gz-audit-bar'>
            <SelectField
              id={pickerId}
              label='场地'
              value={venueId}
              options={list.map((v) => ({ value: v.id, label: v.name }))}
              onChange={(v) => v && setVenueId(v)}
            />
          </Html>
          {venue ? (
            <Html tag='p' className='gz-text'>
              {venueRulesText(venue)}
            </Html>
          ) : null}
          <Html tag='h2' className='gz-h2' id={titleId}>
            {venue ? `${venue.name}的一周` : '一周'}
          </Html>
          {!week || week.state === 'loading' ? <LoadingState /> : null}
          {week?.state === 'error' ? <ErrorState message={week.message} onRetry={() => void fetchWeek()} /> : null}
          {week?.state === 'ready' ? (
            <>
              <Html tag='p' className='gz-text'>
                {weekSummary(week.value)}
              </Html>
              {week.value.teams.length ? (
                <>
                  <WeekTable week={week.value} labelledBy={titleId} headingTag='h3' />
                  <Html tag='h2' className='gz-h2' id={teamsTitleId}>
                    在这里活动的舞队
                  </Html>
                  <Html tag='ul' className='gz-list' aria-labelledby={teamsTitleId}>
                    {week.value.teams.map((t) => (
                      <Html tag='li' className='gz-card' key={t.id}>
                        <Html tag='div' className='gz-item-head'>
                          <Html tag='p' className='gz-item-title'>
                            {t.name}
                          </Html>
                          <TeamStatusTag status={t.status} />
                        </Html>
                        {t.registrationNumber ? (
                          <Html tag='p' className='gz-meta'>
                            {'备案编号 '}
                            <Html tag='span' className='gz-nowrap'>
                              {t.registrationNumber}
                            </Html>
                          </Html>
                        ) : null}
                        <Html tag='p' className='gz-meta'>
                          {slotsText(t.slots)}
                        </Html>
                        <Button
                          inline
                          variant='plain'
                          className='gz-section-gap-top'
                          onClick={() => void Taro.navigateTo({ url: `/packages/admin/team/index?id=${t.id}` })}
                          accessibleName={`查看备案「${t.name}」`}
                        >
                          查看备案
                        </Button>
                      </Html>
                    ))}
                  </Html>
                </>
              ) : null}
            </>
          ) : null}
        </>
      ) : null}
      {venues.state !== 'loading' ? (
        <Button variant='plain' className='gz-section-gap-top' onClick={() => backOrRedirect('/packages/admin/teams/index')}>
          返回舞队列表
        </Button>
      ) : null}
    </AdminShell>
  );
}
