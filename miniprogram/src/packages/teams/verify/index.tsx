import { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { RegistrationNumber, type RegistrationCard, teamsApi } from '@shared/api/teams';
import type { z } from 'zod';
import { ApiError, call, errorMessage } from '../../../api';
import { LoadingState, Notice } from '../../../components/States';
import { Slots } from '../../../components/teams/Slots';
import { dateText } from '../../../components/teams/teamText';
import { Button, Facts, Form, Html, TextField, type Fact } from '../../../components/ui';
import '../teams.css';

type Card = z.infer<typeof RegistrationCard>;
type Found = { state: 'idle' } | { state: 'loading' } | { state: 'found'; card: Card } | { state: 'none'; message: string };

/**
 * The public check of a dance team's registration (no sign-in): what the QR code on a team's ID card opens, or a
 * number typed in. It says whether the team is registered, until when, where and when it may dance — and no
 * personal data.
 */
export default function VerifyRegistrationPage() {
  const { params } = useRouter();
  const community = params.community;
  const [number, setNumber] = useState(params.number ? safeDecode(params.number) : '');
  const [found, setFound] = useState<Found>({ state: 'idle' });
  const [fieldError, setFieldError] = useState<string>();

  const check = useCallback(
    async (raw: string) => {
      const parsed = RegistrationNumber.safeParse(raw);
      if (!parsed.success) return setFieldError(parsed.error.issues[0]?.message);
      setFieldError(undefined);
      setFound({ state: 'loading' });
      try {
        const card = await call(teamsApi.verifyRegistration, { params: { number: parsed.data }, query: community ? { community } : {} });
        setFound({ state: 'found', card });
      } catch (err) {
        setFound({ state: 'none', message: err instanceof ApiError && err.status === 404 ? `没有查到备案编号 ${parsed.data}。请核对编号，或联系社区。` : errorMessage(err) });
      }
    },
    [community],
  );
  useEffect(() => {
    if (params.number) void check(safeDecode(params.number));
    // the number in the address is checked once, on opening
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <Html tag='main' className='gz-page'>
      <Html tag='h1' className='gz-h1'>
        舞队备案查验
      </Html>
      <Html tag='p' className='gz-text gz-muted'>
        扫舞队电子身份证上的二维码，或输入备案编号，查看这支舞队是否在社区备案、可以在哪里什么时间活动。
      </Html>
      <Form onSubmit={() => void check(number)}>
        <TextField id='registration-number' label='备案编号' value={number} onChange={setNumber} placeholder='例如：青年-WD-2026-001' maxLength={30} error={fieldError} />
        <Button type='submit' loading={found.state === 'loading'}>
          查验
        </Button>
      </Form>
      {found.state === 'loading' ? <LoadingState text='正在查验…' /> : null}
      {found.state === 'none' ? <Notice kind='error'>{found.message}</Notice> : null}
      {found.state === 'found' ? <VerifiedCard card={found.card} /> : null}
    </Html>
  );
}

function VerifiedCard({ card }: { card: Card }) {
  const valid = card.validity === 'valid';
  const rows: Fact[] = [
    ['备案编号', card.number],
    ['活动场地', card.venueName],
    ['允许活动时段', <Slots slots={card.slots} key='slots' />],
    ['队员人数', `${card.memberCount} 人`],
    ['有效期至', dateText(card.validUntil)],
  ];
  return (
    <Html tag='section' className='gz-id-card' aria-labelledby='verified-title' aria-live='polite'>
      <Html tag='h2' className='gz-h2' id='verified-title'>
        {card.teamName}
      </Html>
      <Html tag='p' className={valid ? 'gz-id-card-state' : 'gz-id-card-state gz-id-card-state--off'}>
        {valid ? '✓ 已在社区备案，备案有效' : card.validity === 'suspended' ? '✗ 社区已暂停这支舞队的活动' : '✗ 备案已过期'}
      </Html>
      <Facts rows={rows} />
    </Html>
  );
}

/** A number from the address: percent-encoded by the QR code (WeChat hands it over as it was). */
function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
