import type { ScoringAssessment } from '@shared/api/scoring';
import { Html, useUniqueId } from '../../components/ui';
import { Evidence } from './Evidence';

/**
 * The branch's self-assessment as submitted, read only: per category its score, per criterion the score, the
 * deductions chosen, the note and the evidence. For the secretary after submitting, and for the working group.
 */
export function SelfSummary({ assessment: a }: { assessment: ScoringAssessment }) {
  const titleId = useUniqueId('self-summary');
  const entries = new Map(a.self.entries.map((e) => [e.criterionId, e]));
  const scores = new Map(a.computed.criteria.map((c) => [c.criterionId, c]));
  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        {`支部自评明细（${a.computed.total} 分）`}
      </Html>
      {a.sheet.categories.map((c) => {
        const cat = a.computed.categories.find((x) => x.categoryId === c.id);
        return (
          <Html tag='section' className='gz-category' key={c.id} aria-labelledby={`${titleId}-${c.id}`}>
            <Html tag='h3' className='gz-h3' id={`${titleId}-${c.id}`}>
              {`${c.name}（${cat?.score ?? 0}/${cat?.maxPoints ?? 0} 分）`}
            </Html>
            <Html tag='ul' className='gz-list' aria-labelledby={`${titleId}-${c.id}`}>
              {c.criteria.map((k) => {
                const e = entries.get(k.id);
                const s = scores.get(k.id);
                const rules = new Map(k.deductions.map((r) => [r.id, r]));
                return (
                  <Html tag='li' className='gz-criterion' key={k.id}>
                    <Html tag='p' className='gz-item-title'>
                      {`${k.title}：${s?.scored ? `${s.score}/${k.maxPoints} 分` : '未评'}`}
                    </Html>
                    {e?.deductions.map((d) => (
                      <Html tag='p' className='gz-meta' key={d.ruleId}>
                        {`扣分：${rules.get(d.ruleId)?.text ?? d.ruleId}${d.times > 1 ? ` × ${d.times}` : ''}`}
                      </Html>
                    ))}
                    {e?.score !== undefined ? (
                      <Html tag='p' className='gz-meta'>
                        {`直接给分 ${e.score} 分`}
                      </Html>
                    ) : null}
                    {e?.note ? (
                      <Html tag='p' className='gz-note'>
                        {`说明：${e.note}`}
                      </Html>
                    ) : null}
                    <Evidence assessment={a} target={{ kind: 'criterion', criterionId: k.id }} label={k.title} canEdit={false} reload={() => undefined} />
                  </Html>
                );
              })}
            </Html>
          </Html>
        );
      })}
      <OverallSummary assessment={a} />
    </Html>
  );
}

/** The vetoes the branch declared and the bonus items it claimed, each claim with its evidence. */
function OverallSummary({ assessment: a }: { assessment: ScoringAssessment }) {
  const titleId = useUniqueId('self-overall');
  const vetoes = a.sheet.vetoItems.filter((v) => a.self.vetoes.includes(v.id));
  const bonuses = a.sheet.bonusItems.filter((b) => a.self.bonuses.includes(b.id));
  return (
    <Html tag='section' className='gz-category' aria-labelledby={titleId}>
      <Html tag='h3' className='gz-h3' id={titleId}>
        {`否决项和加分项${a.computed.bonus ? `（加 ${a.computed.bonus} 分）` : ''}`}
      </Html>
      <Html tag='p' className='gz-text'>
        {vetoes.length ? `申报的否决项：${vetoes.map((v) => v.text).join('；')}` : '没有申报否决项。'}
      </Html>
      {bonuses.length ? (
        <Html tag='ul' className='gz-list' aria-labelledby={titleId}>
          {bonuses.map((b) => (
            <Html tag='li' className='gz-criterion' key={b.id}>
              <Html tag='p' className='gz-item-title'>
                {`申报加分：${b.text}（加 ${b.points} 分）`}
              </Html>
              <Evidence assessment={a} target={{ kind: 'bonus', bonusId: b.id }} label={`加分项：${b.text}`} canEdit={false} reload={() => undefined} />
            </Html>
          ))}
        </Html>
      ) : (
        <Html tag='p' className='gz-text'>
          没有申报加分项。
        </Html>
      )}
      {a.self.note ? (
        <Html tag='p' className='gz-note'>
          {`总体说明：${a.self.note}`}
        </Html>
      ) : null}
    </Html>
  );
}
