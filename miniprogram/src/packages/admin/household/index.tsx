import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { staffCall } from '../../../api';
import { useLoaded } from '../../../components/useLoaded';
import { ErrorState, LoadingState, Notice } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { backOrRedirect } from '../../../components/nav';
import { HelpList, HouseholdFacts, VisitList } from '../../../components/stewards/HouseholdRecordView';
import { Button, Html } from '../../../components/ui';
import { useSession } from '../../../components/useSession';
import { ADMIN_SECTIONS } from '../sections';
import { HouseholdForm } from '../stewards-admin/HouseholdForm';
import { stewardsApi } from '@shared/api/stewards';

/** A household's record for the committee (this read is on the audit trail): who, why, visits, help; and its edit. */
export default function AdminHouseholdPage() {
  const session = useSession('staff');
  const { params } = useRouter();
  const id = params.id ?? '';
  const { data: record, error, load } = useLoaded(session ? () => staffCall(stewardsApi.getHousehold, { params: { id } }) : null, [id], {
    missing: id ? undefined : '没有指定住户',
  });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  if (!session) return <LoadingState text='正在前往登录…' />;

  return (
    <AdminShell sections={ADMIN_SECTIONS} current='stewards' session={session}>
      {error ? <ErrorState message={error} onRetry={() => void load()} /> : null}
      {!record && !error ? <LoadingState /> : null}
      {record ? (
        <>
          <Html tag='h1' className='gz-h1'>
            {`${record.household.compound} ${record.household.address}`}
          </Html>
          {saved ? <Notice kind='ok'>已保存。</Notice> : null}
          {editing ? (
            <HouseholdForm
              household={record.household}
              onSaved={() => {
                setEditing(false);
                setSaved(true);
                void load();
              }}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <Html tag='section' className='gz-card' aria-label='住户信息'>
              <Html tag='p' className='gz-item-title'>
                {record.household.name}
              </Html>
              <HouseholdFacts record={record} />
              <Button inline expanded={false} onClick={() => { setSaved(false); setEditing(true); }}>
                修改或换红色小管家
              </Button>
            </Html>
          )}
          <VisitList record={record} />
          <HelpList record={record} />
        </>
      ) : null}
      <Button variant='plain' onClick={() => backOrRedirect('/packages/admin/households/index')}>
        返回住户名单
      </Button>
    </AdminShell>
  );
}
