import type { ReactNode } from 'react';
import type { Team } from '@shared/api/teams';
import { ACTIVITY_KIND_LABELS } from '@shared/teams/activities';
import { formatTime } from '../../../components/format';
import { TeamStatusTag } from '../../../components/teams/TeamStatusTag';
import {
  activityTotalsText,
  dateText,
  hoursText,
  loudspeakerText,
  memberRulesText,
  rulesProgressText,
  slotsText,
  teamHistoryText,
  validityText,
} from '../../../components/teams/teamText';
import { Html, VisuallyHidden, useUniqueId } from '../../../components/ui';

/*
 * The parts of a team's page the committee reads before deciding: the filing, the registration, the members and
 * the rules, study sessions, activities and hours, and the history. Read-only; the decisions and the complaints
 * are their own sections (DecisionSection, ComplaintsSection).
 */

type Sub = 'h2' | 'h3';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Html tag='div' className='gz-dl-row'>
      <Html tag='dt' className='gz-dt'>
        {term}
        <VisuallyHidden>：</VisuallyHidden>
      </Html>
      <Html tag='dd' className='gz-dd'>
        {children}
      </Html>
    </Html>
  );
}

function Section({ title, headingTag, children }: { title: string; headingTag: Sub; children: ReactNode }) {
  const titleId = useUniqueId('team-section');
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag={headingTag} className='gz-h2' id={titleId}>
        {title}
      </Html>
      {children}
    </Html>
  );
}

const VIA_LABELS: Record<Team['members'][number]['via'], string> = { founder: '创建队伍', leader: '队长代为登记', invite: '凭邀请码加入' };

/** The filing as the leader sent it: name and status, venue and slots, the leader and the loudspeaker. */
export function TeamFiling({ team: t, headingLevel }: { team: Team; headingLevel: 1 | 2 }) {
  const submitted = [...t.history].reverse().find((h) => h.to === 'submitted');
  return (
    <Html tag='div' className='gz-card'>
      <Html tag='div' className='gz-row'>
        <Html tag='span' className='gz-meta'>
          当前状态
        </Html>
        <TeamStatusTag status={t.status} />
      </Html>
      <Html tag={headingLevel === 1 ? 'h1' : 'h2'} className='gz-h1'>
        {t.name}
      </Html>
      <Html tag='dl' className='gz-dl'>
        {t.registration ? (
          <Row term='备案编号'>
            <Html tag='span' className='gz-nowrap'>
              {t.registration.number}
            </Html>
          </Row>
        ) : null}
        <Row term='活动场地'>{t.venue.name}</Row>
        <Row term='活动时段'>{slotsText(t.slots)}</Row>
        <Row term='队长'>{t.leaderName}</Row>
        <Row term='联系电话'>
          <Html tag='span' className='gz-nowrap'>
            {t.phone}
          </Html>
        </Row>
        <Row term='预计人数'>{`${t.expectedSize} 人（已登记 ${t.members.length} 人）`}</Row>
        <Row term='音响'>{loudspeakerText(t)}</Row>
        {t.volumeCommitment ? <Row term='音量承诺'>{t.volumeCommitment}</Row> : null}
        <Row term={submitted ? '提交时间' : '创建时间'}>{formatTime(submitted?.at ?? t.createdAt)}</Row>
      </Html>
    </Html>
  );
}

/** The ID card's data once the team is registered: number, when approved, until when, and whether it holds now. */
export function RegistrationSection({ team: t, headingTag }: { team: Team; headingTag: Sub }) {
  if (!t.registration) return null;
  const r = t.registration;
  return (
    <Section title='备案登记' headingTag={headingTag}>
      <Html tag='dl' className='gz-dl'>
        <Row term='备案编号'>
          <Html tag='span' className='gz-nowrap'>
            {r.number}
          </Html>
        </Row>
        <Row term='批准时间'>{formatTime(r.approvedAt)}</Row>
        <Row term='有效期'>{validityText(r)}</Row>
        <Row term='规章'>{rulesProgressText(t.rules)}</Row>
      </Html>
    </Section>
  );
}

/** Every member, who of them has not accepted the rules in force (said in words, and listed first), and their hours. */
export function MembersSection({ team: t, headingTag }: { team: Team; headingTag: Sub }) {
  const pending = new Set(t.rules.pendingMemberIds);
  // who still has to accept comes first: that is what holds an approval up
  const members = [...t.members].sort((a, b) => Number(pending.has(b.id)) - Number(pending.has(a.id)));
  return (
    <Section title={`队员（${t.members.length} 人）`} headingTag={headingTag}>
      <Html tag='p' className='gz-text'>
        {rulesProgressText(t.rules)}
        {t.rules.pendingMemberIds.length && t.rules.currentVersion !== null ? `，还有 ${t.rules.pendingMemberIds.length} 人未确认。` : '。'}
      </Html>
      <Html tag='ul' className='gz-list'>
        {members.map((m) => (
          <Html tag='li' className={pending.has(m.id) ? 'gz-team-entry gz-team-entry--pending' : 'gz-team-entry'} key={m.id}>
            <Html tag='p' className='gz-text gz-team-name'>
              {m.name}
              {m.isLeader ? '（队长）' : ''}
            </Html>
            <Html tag='span' className={pending.has(m.id) ? 'gz-meta gz-team-pending' : 'gz-meta'}>
              {`规章：${memberRulesText(m, t.rules.currentVersion)}`}
            </Html>
            <Html tag='span' className='gz-meta'>
              {m.phone ? (
                <>
                  <Html tag='span' className='gz-nowrap'>
                    {m.phone}
                  </Html>
                  {' · '}
                </>
              ) : null}
              {`${VIA_LABELS[m.via]} · ${formatTime(m.joinedAt)} 加入`}
            </Html>
            <Html tag='span' className='gz-meta'>
              {`${ACTIVITY_KIND_LABELS.performance} ${hoursText(m.hours.performance)} · ${ACTIVITY_KIND_LABELS.volunteer} ${hoursText(m.hours.volunteer)}`}
            </Html>
          </Html>
        ))}
      </Html>
    </Section>
  );
}

const namesOf = (t: Team, ids: readonly string[]): string =>
  ids.map((id) => t.members.find((m) => m.id === id)?.name).filter(Boolean).join('、') || '（已退出的队员）';

/** The in-person studies of the rules the leader recorded, newest first. */
export function StudySessionsSection({ team: t, headingTag }: { team: Team; headingTag: Sub }) {
  const sessions = [...t.studySessions].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <Section title='规章学习' headingTag={headingTag}>
      {sessions.length ? (
        <Html tag='ul' className='gz-list'>
          {sessions.map((s) => (
            <Html tag='li' className='gz-team-entry' key={s.id}>
              <Html tag='p' className='gz-text gz-team-name'>
                {`${dateText(s.date)} 学习第 ${s.rulesVersion} 版规章`}
              </Html>
              <Html tag='span' className='gz-meta'>
                {`参加 ${s.attendeeIds.length} 人：${namesOf(t, s.attendeeIds)}`}
              </Html>
              {s.note ? (
                <Html tag='p' className='gz-note'>
                  {s.note}
                </Html>
              ) : null}
              <Html tag='span' className='gz-meta'>
                {`${s.recordedByName} 记录`}
              </Html>
            </Html>
          ))}
        </Html>
      ) : (
        <Html tag='p' className='gz-text gz-muted'>
          还没有记录集体学习，队员在小程序中逐一确认规章。
        </Html>
      )}
    </Section>
  );
}

/** Performances and volunteer service, the team's totals first. */
export function ActivitiesSection({ team: t, headingTag }: { team: Team; headingTag: Sub }) {
  return (
    <Section title='活动与时长' headingTag={headingTag}>
      <Html tag='p' className='gz-text'>
        {activityTotalsText(t.totals)}
      </Html>
      {t.activities.length ? (
        <Html tag='ul' className='gz-list'>
          {t.activities.map((a) => (
            <Html tag='li' className='gz-team-entry' key={a.id}>
              <Html tag='p' className='gz-text gz-team-name'>
                {`${ACTIVITY_KIND_LABELS[a.kind]}：${a.title}`}
              </Html>
              <Html tag='span' className='gz-meta'>
                {`${dateText(a.date)} · ${hoursText(a.hours)} · ${a.attendeeIds.length} 人参加`}
              </Html>
              {a.note ? (
                <Html tag='p' className='gz-note'>
                  {a.note}
                </Html>
              ) : null}
              <Html tag='span' className='gz-meta'>
                {`${a.recordedByName} 记录`}
              </Html>
            </Html>
          ))}
        </Html>
      ) : null}
    </Section>
  );
}

/** Every move of the filing, newest first, with the reasons the committee gave. */
export function HistorySection({ team: t, headingTag }: { team: Team; headingTag: Sub }) {
  const entries = [...t.history].reverse();
  return (
    <Section title='备案记录' headingTag={headingTag}>
      <Html tag='ol' className='gz-timeline'>
        {entries.map((h, i) => (
          <Html tag='li' className='gz-timeline-entry' key={`${h.at}-${i}`}>
            <Html tag='strong' className='gz-text'>
              {teamHistoryText(h)}
            </Html>
            <Html tag='span' className='gz-meta'>
              {`${formatTime(h.at)} · ${h.byName}`}
            </Html>
            {h.reason ? (
              <Html tag='p' className='gz-note'>
                {`理由：${h.reason}`}
              </Html>
            ) : null}
          </Html>
        ))}
      </Html>
    </Section>
  );
}
