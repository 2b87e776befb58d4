import { useState } from 'react';
import type { Motion } from '@shared/api/council';
import { SEAT_ROLE_LABELS } from '@shared/council/seats';
import { errorMessage } from '../../api';
import { Button, ChoiceGroup, Form, Html, useConfirm, useUniqueId } from '../ui';
import { clientOf, type MotionSectionProps } from './motionProps';
import { councilApi } from '@shared/api/council';

type Option = { value: string; label: string };
const optionsOf = (m: Motion): Option[] => (m.settings?.options ?? []).map((o) => ({ value: o.id, label: o.label }));
const labelOf = (m: Motion, choice: string): string => m.settings?.options.find((o) => o.id === choice)?.label ?? choice;

/** The sentence under a ballot: what happens to it, in the chair's rules. */
const ballotNote = (m: Motion): string =>
  [
    m.settings?.secret ? '这是无记名投票，任何人（包括社区工作人员）都看不到您的选择。' : '这是记名投票，表决结束后公布每人的选择。',
    m.settings?.allowBallotChange ? '投票截止前您还可以修改。' : '投出后不能修改。',
  ].join('');

/**
 * A member's own ballot: the options, asked once more before it is cast (the choice and whether it can be
 * changed). Once cast: how (online, or recorded in person) and, on an open ballot, what.
 */
export function MyBallotSection({ motion, realm, onChanged, onFailed }: MotionSectionProps) {
  const mine = motion.myBallot;
  const [choice, setChoice] = useState(mine?.choice ?? '');
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const [changing, setChanging] = useState(false);
  const [dialog, confirm] = useConfirm();
  const titleId = useUniqueId('ballot-title');
  if (!mine?.onRoll || motion.phase !== 'voting') return null;

  const cast = async () => {
    if (sending) return;
    if (!choice) return setError('请先选择');
    setError(undefined);
    const label = labelOf(motion, choice);
    const ok = await confirm({ title: `确定投「${label}」吗？`, content: ballotNote(motion), confirmText: '投票', cancelText: '再想想' });
    if (!ok) return;
    setSending(true);
    try {
      const client = clientOf(realm);
      const receipt = await client(councilApi.castBallot, { params: { id: motion.id }, body: { choice } });
      const updated = await client(councilApi.getMotion, { params: { id: motion.id } });
      setChanging(false);
      onChanged(updated, receipt.changed ? `已改为「${label}」。` : `您的票已投出：「${label}」。`);
    } catch (err) {
      onFailed(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  const voted = mine.voted && !changing;
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        {voted ? '您已投票' : '请投票'}
      </Html>
      {voted ? (
        <>
          <Html tag='p' className='gz-text'>
            {mine.via === 'in-person' ? '召集人已在会上记录了您的现场投票。' : '您已在小程序中投票。'}
            {mine.choice ? `您的选择：「${labelOf(motion, mine.choice)}」。` : ''}
            {motion.settings?.secret ? '无记名投票，您的选择不会显示给任何人。' : ''}
          </Html>
          {mine.canChange ? (
            <Button inline onClick={() => setChanging(true)}>
              修改我的选择
            </Button>
          ) : null}
        </>
      ) : motion.can.vote ? (
        <Form onSubmit={() => void cast()} aria-labelledby={titleId}>
          <ChoiceGroup id='ballot-choice' legend='您的选择' hint={ballotNote(motion)} options={optionsOf(motion)} value={choice} onChange={setChoice} error={error} />
          <Button type='submit' variant='primary' loading={sending}>
            投票
          </Button>
          {changing ? (
            <Button variant='plain' onClick={() => setChanging(false)}>
              不修改了
            </Button>
          ) : null}
        </Form>
      ) : null}
      {dialog}
    </Html>
  );
}

/** The chair records the ballot of a member present at the meeting: on the same roll, so nobody votes twice. */
function InPersonForm({ motion, realm, entry, onChanged, onFailed, onClose }: MotionSectionProps & { entry: { seatId: string; name: string }; onClose: () => void }) {
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const [dialog, confirm] = useConfirm();
  const id = `in-person-${entry.seatId}`;

  const record = async () => {
    if (sending) return;
    if (!choice) return setError('请选择');
    setError(undefined);
    const label = labelOf(motion, choice);
    const ok = await confirm({ title: `记录 ${entry.name} 投「${label}」吗？`, content: '现场投票记录后不能修改。', confirmText: '记录', cancelText: '取消' });
    if (!ok) return;
    setSending(true);
    try {
      const client = clientOf(realm);
      await client(councilApi.recordInPersonBallot, { params: { id: motion.id }, body: { seatId: entry.seatId, choice } });
      onChanged(await client(councilApi.getMotion, { params: { id: motion.id } }), `已记录 ${entry.name} 的现场投票。`);
      onClose();
    } catch (err) {
      onFailed(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Form onSubmit={() => void record()}>
      <ChoiceGroup id={id} legend={`${entry.name} 的选择`} options={optionsOf(motion)} value={choice} onChange={setChoice} error={error} />
      <Html tag='div' className='gz-button-row'>
        <Button type='submit' inline variant='primary' loading={sending}>
          记录现场投票
        </Button>
        <Button inline variant='plain' onClick={onClose}>
          取消
        </Button>
      </Html>
      {dialog}
    </Form>
  );
}

/**
 * Who may vote (fixed when voting opened) and who has — never what, until an open ballot is decided. The chair
 * and the committee record here the ballots of members present at a meeting.
 */
export function RollSection(props: MotionSectionProps) {
  const { motion } = props;
  const [recording, setRecording] = useState<string | null>(null);
  const titleId = useUniqueId('roll-title');
  const roll = motion.roll;
  if (!roll) return null;
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        {`投票情况：已投 ${roll.voted} / ${roll.size} 人`}
      </Html>
      {motion.can.recordInPerson ? (
        <Html tag='p' className='gz-text gz-muted'>
          开会时，可以在这里为到场成员记录现场投票；已在小程序投票的成员显示为“已投票”，不会重复计票。
        </Html>
      ) : null}
      {roll.entries ? (
        <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
          {roll.entries.map((e) => (
            <Html tag='li' className='gz-member' key={e.seatId}>
              <Html tag='p' className='gz-item-title'>
                {`${e.name}（${e.party}${e.role === 'member' ? '' : ` · ${SEAT_ROLE_LABELS[e.role]}`}）`}
              </Html>
              <Html tag='p' className='gz-meta'>
                {e.voted ? (e.via === 'in-person' ? '已投票（现场）' : '已投票（小程序）') : e.hasAccount ? '未投票' : '未投票 · 未绑定小程序，请现场投票'}
              </Html>
              {!e.voted && motion.can.recordInPerson ? (
                recording === e.seatId ? (
                  <InPersonForm {...props} entry={e} onClose={() => setRecording(null)} />
                ) : (
                  <Button inline expanded={false} onClick={() => setRecording(e.seatId)} accessibleName={`为 ${e.name} 记录现场投票`}>
                    记录现场投票
                  </Button>
                )
              ) : null}
            </Html>
          ))}
        </Html>
      ) : null}
    </Html>
  );
}
