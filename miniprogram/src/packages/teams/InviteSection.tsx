import { useState } from 'react';
import { call, errorMessage } from '../../api';
import { formatTime } from '../../components/format';
import { Button, Html, QrCode, useConfirm, useUniqueId } from '../../components/ui';
import { joinAddress } from './address';
import type { SectionProps } from './sections';
import { teamsApi } from '@shared/api/teams';

/**
 * The leader's invite code: shared as text in the team's chat group, or shown as a QR code a member scans. A new
 * code replaces the old one (asked first, since the old one stops working).
 */
export function InviteSection({ team, onChanged, onFailed }: SectionProps) {
  const [sending, setSending] = useState(false);
  const [dialog, confirm] = useConfirm();
  const titleId = useUniqueId('invite-title');
  const invite = team.invite && Date.parse(team.invite.expiresAt) > Date.now() ? team.invite : undefined;

  const rotate = async () => {
    if (invite) {
      const ok = await confirm({ title: '换一个邀请码吗？', content: '换了以后，旧的邀请码就不能再用来加入了。', confirmText: '换新码', cancelText: '不换' });
      if (!ok) return;
    }
    setSending(true);
    try {
      const fresh = await call(teamsApi.rotateTeamInvite, { params: { id: team.id } });
      onChanged({ ...team, invite: fresh }, `新的邀请码是 ${fresh.code}。`);
    } catch (err) {
      onFailed(errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        邀请队员
      </Html>
      {invite ? (
        <>
          <Html tag='p' className='gz-text'>
            邀请码：
            <Html tag='strong' className='gz-invite-code'>
              {invite.code}
            </Html>
          </Html>
          <Html tag='p' className='gz-text gz-muted'>
            {`把邀请码发给队员，或让队员扫下面的二维码。${formatTime(invite.expiresAt)} 前有效。`}
          </Html>
          <QrCode text={joinAddress(invite.code)} alt={`加入「${team.name}」的二维码，邀请码 ${invite.code}`} />
        </>
      ) : (
        <Html tag='p' className='gz-text gz-muted'>
          生成邀请码后，队员可以自己在小程序里加入，并确认规章。
        </Html>
      )}
      <Button inline loading={sending} onClick={() => void rotate()}>
        {invite ? '换一个邀请码' : '生成邀请码'}
      </Button>
      {dialog}
    </Html>
  );
}
