import { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { ScoringPeriod } from '@shared/api/scoring';
import { sheetEditable } from '@shared/scoring/status';
import { errorMessage, staffCall } from '../../../api';
import { ErrorState, LoadingState } from '../../../components/States';
import { AdminShell } from '../../../components/admin/AdminShell';
import { backOrRedirect } from '../../../components/nav';
import { starWord } from '../../../components/scoring/scoringText';
import '../../../components/scoring/scoring.css';
import { Button, Facts, Html, useUniqueId } from '../../../components/ui';
import { useSession } from '../../../components/useSession';
import { ADMIN_SECTIONS } from '../sections';
import { CategoryEditor, RemoveCategory, RulesEditor, SheetNotice } from '../scoring/SheetEditor';
import { scoringApi } from '@shared/api/scoring';

/**
 * A period's evaluation sheet (量化考评表): its categories, criteria and deductions, veto and bonus items, star
 * thresholds. While the period is in setup the committee edits it here, a category at a time; after that it is
 * fixed (a later period copies it and edits its copy).
 */
export default function AdminScoringSheetPage() {
  const session = useSession('staff');
  const { params } = useRouter();
  const id = params.id ?? '';
  const [period, setPeriod] = useState<ScoringPeriod | null>(null);
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const vetoId = useUniqueId('veto');

  const load = useCallback(async () => {
    if (!session) return;
    if (!id) return setError('没有指定评定周期');
    try {
      setPeriod(await staffCall(scoringApi.getScoringPeriod, { params: { id } }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [session, id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!session) return <LoadingState text='正在前往登录…' />;

  const changed = (p: ScoringPeriod, text: string) => {
    setPeriod(p);
    setOutcome({ kind: 'ok', text });
  };
  const failed = (text: string) => setOutcome({ kind: 'error', text });
  const editable = period ? sheetEditable(period.status) : false;
  const props = period ? { period, onChanged: changed, onFailed: failed } : null;

  return (
    <AdminShell sections={ADMIN_SECTIONS} current='scoring' session={session}>
      {error ? <ErrorState message={error} onRetry={() => void load()} /> : null}
      {!error && !period ? <LoadingState /> : null}
      {period && props ? (
        <>
          <Html tag='h1' className='gz-h1'>
            {`${period.name}的考评表`}
          </Html>
          <Html tag='p' className='gz-text gz-muted'>
            {`满分 ${period.maxBasePoints} 分。`}
            {editable ? '筹备阶段可以修改；支部开始自评后考评表就固定了。' : null}
          </Html>
          {editable ? null : (
            <Html tag='p' className='gz-note'>
              {period.status === 'final' || period.status === 'announcement'
                ? `这个周期已经${period.status === 'final' ? '结束（亮星）' : '公示结果'}，考评表只能查看，不能修改。新建周期时可以沿用这张表再修改。`
                : `支部已经开始按这张表自评，考评表只能查看，不能修改。新建周期时可以沿用这张表再修改。`}
            </Html>
          )}
          <SheetNotice outcome={outcome} />

          {period.sheet.categories.map((c, i) => {
            const total = c.criteria.reduce((s, k) => s + k.maxPoints, 0);
            return (
              <Html tag='section' className='gz-card' key={c.id} aria-labelledby={`cat-${c.id}`}>
                <Html tag='h2' className='gz-h2' id={`cat-${c.id}`}>
                  {`${c.name}（${total} 分）`}
                </Html>
                {editing === c.id ? (
                  <CategoryEditor {...props} category={c} position={i} onClose={() => setEditing(null)} />
                ) : (
                  <>
                    <Html tag='ul' className='gz-list' aria-labelledby={`cat-${c.id}`}>
                      {c.criteria.map((k) => (
                        <Html tag='li' className='gz-criterion' key={k.id}>
                          <Html tag='p' className='gz-item-title'>
                            {`${k.title}（${k.maxPoints} 分）`}
                          </Html>
                          {k.description ? (
                            <Html tag='p' className='gz-meta'>
                              {k.description}
                            </Html>
                          ) : null}
                          {k.deductions.map((d) => (
                            <Html tag='p' className='gz-text' key={d.id}>
                              {`${d.text}：扣 ${d.points} 分${d.maxTimes > 1 ? `/次，最多 ${d.maxTimes} 次` : ''}`}
                            </Html>
                          ))}
                        </Html>
                      ))}
                    </Html>
                    {editable ? (
                      <Html tag='div' className='gz-button-row'>
                        <Button inline accessibleName={`修改类别「${c.name}」`} onClick={() => setEditing(c.id)}>
                          修改类别
                        </Button>
                        {period.sheet.categories.length > 1 ? <RemoveCategory {...props} category={c} /> : null}
                      </Html>
                    ) : null}
                  </>
                )}
              </Html>
            );
          })}
          {editable ? (
            editing === 'new' ? (
              <Html tag='section' className='gz-card' aria-label='新增类别'>
                <CategoryEditor {...props} onClose={() => setEditing(null)} />
              </Html>
            ) : (
              <Button onClick={() => setEditing('new')}>新增类别</Button>
            )
          ) : null}

          <Html tag='section' className='gz-card' aria-labelledby={vetoId}>
            <Html tag='h2' className='gz-h2' id={vetoId}>
              否决项、加分项和分数线
            </Html>
            <Facts
              rows={[
                ['否决项', period.sheet.vetoItems.map((v) => `${v.text}（${v.effect.kind === 'unrated' ? '不予评星' : `最高${starWord(v.effect.maxStar)}`}）`).join('；') || '无'],
                ['加分项', period.sheet.bonusItems.map((b) => `${b.text}（加 ${b.points} 分）`).join('；') || '无'],
                ['加分上限', `${period.sheet.bonusCap} 分`],
                ['分数线', `五星 ${period.sheet.thresholds.star5}，四星 ${period.sheet.thresholds.star4}，三星 ${period.sheet.thresholds.star3}，二星 ${period.sheet.thresholds.star2} 分（以下为一星）`],
                period.sheet.caps.satisfaction
                  ? ['满意度', `居民满意度低于 ${period.sheet.caps.satisfaction.belowPercent}%（至少 ${period.sheet.caps.satisfaction.minRatings} 次评价）时最高${starWord(period.sheet.caps.satisfaction.maxStar)}`]
                  : ['满意度', '不因满意度封顶'],
                ['五星', period.sheet.caps.fiveStarNeedsBonus ? '须有加分项' : '不要求加分项'],
              ]}
            />
          </Html>
          {editable ? (
            <Html tag='section' className='gz-card' aria-label='修改否决项、加分项和星级规则'>
              <RulesEditor key={period.version} {...props} />
            </Html>
          ) : null}
        </>
      ) : null}
      <Button variant='plain' onClick={() => backOrRedirect('/packages/admin/scoring-periods/index')}>
        返回评定周期列表
      </Button>
    </AdminShell>
  );
}
