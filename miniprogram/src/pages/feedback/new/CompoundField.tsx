import { useEffect, useState } from 'react';
import { call } from '../../../api';
import { SelectField, TextField } from '../../../components/ui';
import { identityApi } from '@shared/api/identity';

const OTHER = '__other';

/**
 * The compound (小区) a report is about: picked from the committee's list (so the statistics group it right),
 * with 其他 for a place not on it; typed in when the list could not be loaded or is still empty.
 */
export function CompoundField(p: { value: string; onChange: (v: string) => void; error?: string; hint?: string; maxLength?: number }) {
  const [names, setNames] = useState<string[] | null>(null);
  const [other, setOther] = useState(false);
  useEffect(() => {
    let live = true;
    call(identityApi.listCompounds).then(
      (list) => {
        if (!live) return;
        setNames(list.names);
        // a remembered or restored place that is not on the list stays as typed
        if (p.value.trim() && !list.names.includes(p.value.trim())) setOther(true);
      },
      () => live && setNames([]),
    );
    return () => {
      live = false;
    };
    // the list is read once per visit; the value at that moment decides 其他
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const typed = (
    <TextField
      id='compound'
      label={names?.length ? '小区名称' : '小区'}
      value={p.value}
      onChange={p.onChange}
      placeholder='例如：青年花园'
      hint={names?.length ? undefined : p.hint}
      maxLength={p.maxLength}
      error={p.error}
    />
  );
  if (!names?.length) return typed;

  const listed = names.includes(p.value);
  return (
    <>
      <SelectField
        id='compound-choice'
        label='小区'
        emptyLabel='请选择小区'
        value={listed && !other ? p.value : other ? OTHER : ''}
        options={[...names.map((n) => ({ value: n, label: n })), { value: OTHER, label: '其他（不在列表中）' }]}
        onChange={(v) => {
          if (v === OTHER) {
            setOther(true);
            if (listed) p.onChange('');
          } else {
            setOther(false);
            p.onChange(v);
          }
        }}
        hint={p.hint}
        error={other ? undefined : p.error}
      />
      {other ? typed : null}
    </>
  );
}
