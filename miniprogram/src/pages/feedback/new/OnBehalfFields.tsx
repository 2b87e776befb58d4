import { SubmitFeedbackBody } from '@shared/api/feedback';
import { ON_BEHALF_CHANNELS, ON_BEHALF_CHANNEL_LABELS } from '@shared/feedback/contact';
import type { FieldErrors } from '../../../api';
import type { OnBehalfForm } from './onBehalf';
import { Checkbox, ChoiceGroup, Html, TextField } from '../../../components/ui';

const NAME_MAX = SubmitFeedbackBody.shape.onBehalf.unwrap().shape.name.unwrap().maxLength ?? undefined;
const CHANNEL_OPTIONS = ON_BEHALF_CHANNELS.map((value) => ({ value, label: ON_BEHALF_CHANNEL_LABELS[value] }));

/**
 * A red steward or old secretary logging a problem they heard face to face: a switch, then how they heard it,
 * the resident's name and number if the resident wants to leave them, and the resident's consent to recording
 * them (the contract requires it as soon as either is given).
 */
export function OnBehalfFields({
  value,
  onChange,
  errors,
  disabled,
}: {
  value: OnBehalfForm;
  onChange: (change: Partial<OnBehalfForm>, field?: string) => void;
  errors: FieldErrors;
  disabled?: boolean;
}) {
  return (
    <Html tag='div' className='gz-card'>
      <Checkbox
        id='on-behalf'
        switch
        label='代居民记录'
        hint='打开后，这条反馈记作您替居民反映的问题（走访、工作室、电话或摆摊时听到的）。'
        checked={value.on}
        onChange={(on) => onChange({ on })}
        disabled={disabled}
      />
      {value.on ? (
        <>
          <ChoiceGroup
            id='on-behalf-channel'
            legend='怎么了解到的'
            options={CHANNEL_OPTIONS}
            value={value.channel}
            onChange={(channel) => onChange({ channel }, 'onBehalf.channel')}
            error={errors['onBehalf.channel']}
          />
          <TextField
            id='on-behalf-name'
            label='居民姓名'
            optional
            value={value.name}
            onChange={(name) => onChange({ name }, 'onBehalf.name')}
            placeholder='例如：赵奶奶'
            maxLength={NAME_MAX}
            error={errors['onBehalf.name']}
            disabled={disabled}
          />
          <TextField
            id='on-behalf-phone'
            label='居民电话'
            optional
            kind='tel'
            value={value.phone}
            onChange={(phone) => onChange({ phone }, 'onBehalf.phone')}
            placeholder='11 位手机号码'
            maxLength={20}
            error={errors['onBehalf.phone']}
            disabled={disabled}
          />
          <Checkbox
            id='on-behalf-consent'
            label='居民本人同意记录姓名和电话'
            hint='填了居民姓名或电话，就要先征得本人同意；都不填，可以不勾选。'
            checked={value.consent}
            onChange={(consent) => onChange({ consent }, 'onBehalf.consent')}
            error={errors['onBehalf.consent']}
            disabled={disabled}
          />
        </>
      ) : null}
    </Html>
  );
}
