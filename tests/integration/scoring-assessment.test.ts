/**
 * A branch's secretary self-assesses (自评荐星): criterion by criterion, the total and proposed star computed live
 * by the shared rules, submission once complete; the deductions become the problem list, with rectification
 * measures, the branch general meeting, evidence photos, and the branch's feedback figures beside 服务群众.
 * Everyone else is refused: a secretary of another branch, a reviewer not assigned, a resident.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { api } from '../../shared/api';
import { s3, uploadsBucket } from '../../functions/src/uploads/client';
import { DEFAULT_SHEET } from '../../shared/scoring/default-sheet';
import { Harness, aFeedback, isProblem } from '../support/harness';
import { CRITERIA, expectStatus, movePeriod, openPeriod, scoreAll, setUpPeriod, signInPeople, submitSelf, type People } from './scoring-fixtures';

const { scoring, feedback, identity } = api;

let h: Harness;
let people: People;
beforeAll(async () => {
  h = await Harness.start();
  people = await signInPeople(h);
}, 60_000);
afterAll(() => h.close());

const entry = (token: string, id: string, body: Record<string, unknown>) => h.call(scoring.saveScoringSelfEntry, { token, params: { id }, body });

describe('scoring a criterion', () => {
  it('computes the total and the proposed star as the secretary goes, from the shared rules', async () => {
    const p = await openPeriod(h, people);
    const page = expectStatus(await h.call(scoring.getScoringAssessment, { token: people.sec1, params: { id: p.a1 } }), 200);
    expect(page).toMatchObject({ status: 'draft', viewer: ['secretary'], can: { editSelf: true, submit: false, review: false }, branch: { id: '01' } });
    expect(page.computed).toMatchObject({ total: 100, complete: false, missing: CRITERIA });
    const saved = expectStatus(
      await entry(people.sec1, p.a1, { criterionId: 'party-rules', deductions: [{ ruleId: 'general-meeting', times: 2 }, { ruleId: 'three-one' }], note: '上半年支部大会未按期召开', version: page.version }),
      200,
    );
    expect(saved.version).toBe(page.version + 1);
    expect(saved.self.entries).toEqual([{ criterionId: 'party-rules', deductions: [{ ruleId: 'general-meeting', times: 2 }, { ruleId: 'three-one', times: 1 }], note: '上半年支部大会未按期召开' }]);
    expect(saved.computed.criteria.find((c: any) => c.criterionId === 'party-rules')).toEqual({ criterionId: 'party-rules', maxPoints: 10, deducted: 5, score: 5, scored: true });
    expect(saved.computed.total).toBe(95);
    // live, the problem list shows what submission will fix
    expect(saved.problems.map((x: any) => x.key)).toEqual(['party-rules.general-meeting', 'party-rules.three-one']);
  });

  it('refuses what the sheet does not have (422), a stale version (409), and everyone but the branch’s secretary (403)', async () => {
    const p = await openPeriod(h, people);
    const before = await h.snapshot();
    const flaws = await entry(people.sec1, p.a1, { criterionId: 'party-rules', deductions: [{ ruleId: 'general-meeting', times: 3 }, { ruleId: 'made-up' }], score: 12, version: 1 });
    expect(isProblem(flaws, 422)).toBe(true);
    expect(flaws.body.errors.map((e: any) => e.path)).toEqual(['deductions.0.times', 'deductions.1.ruleId', 'score']);
    expect((await entry(people.sec1, p.a1, { criterionId: 'venue', version: 7 })).body.type).toBe('urn:gongzhi:problem:stale-version');
    for (const token of [people.sec2, people.r1, people.lead, people.resident, people.committee]) {
      const r = await entry(token, p.a1, { criterionId: 'venue', version: 1 });
      expect([token === people.committee ? 'committee' : 'other', r.status]).toEqual([token === people.committee ? 'committee' : 'other', 403]);
    }
    expect(isProblem(await entry(people.sec1, randomUUID(), { criterionId: 'venue', version: 1 }), 404)).toBe(true);
    expect(await h.snapshot()).toEqual(before);
  });

  it('is refused before the self-assessment opens and after it closes', async () => {
    const p = await setUpPeriod(h, people);
    expect((await entry(people.sec1, p.a1, { criterionId: 'venue', version: 1 })).body.type).toBe('urn:gongzhi:problem:self-assessment-closed');
    await movePeriod(h, people.committee, p, 'self-assessment');
    await movePeriod(h, people.committee, p, 'review');
    expect((await entry(people.sec1, p.a1, { criterionId: 'venue', version: 1 })).body.type).toBe('urn:gongzhi:problem:self-assessment-closed');
  });

  it('lets two saves on the same version race: exactly one wins, the other is told it is stale', async () => {
    const p = await openPeriod(h, people);
    const answers = await Promise.all(
      ['venue', 'funds', 'records', 'home-visits', 'party-rules'].map((criterionId) => entry(people.sec1, p.a1, { criterionId, version: 1 })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const page = expectStatus(await h.call(scoring.getScoringAssessment, { token: people.sec1, params: { id: p.a1 } }), 200);
    expect([page.version, page.self.entries.length]).toEqual([2, 1]);
  });
});

describe('declaring vetoes and bonuses', () => {
  it('caps the star by a veto, lifts the total by a bonus item, and refuses items the sheet does not have', async () => {
    const p = await openPeriod(h, people);
    const scored = await scoreAll(h, people.sec1, p.a1);
    expect([scored.computed.total, scored.computed.star]).toEqual([100, 4]);
    const claimed = expectStatus(
      await h.call(scoring.saveScoringSelfOverall, { token: people.sec1, params: { id: p.a1 }, body: { vetoes: [], bonuses: ['honour'], note: '获区级表彰', version: scored.version } }),
      200,
    );
    expect([claimed.computed.total, claimed.computed.star]).toEqual([103, 5]);
    const vetoed = expectStatus(
      await h.call(scoring.saveScoringSelfOverall, { token: people.sec1, params: { id: p.a1 }, body: { vetoes: ['incident'], bonuses: ['honour'], version: claimed.version } }),
      200,
    );
    expect(vetoed.computed).toMatchObject({ star: 2, limits: [{ kind: 'veto', text: '一票否决：发生重大安全责任事故或群体性事件，最高评为★★' }] });
    const unknown = await h.call(scoring.saveScoringSelfOverall, { token: people.sec1, params: { id: p.a1 }, body: { vetoes: ['nope'], bonuses: [], version: vetoed.version } });
    expect(unknown.body).toMatchObject({ type: 'urn:gongzhi:problem:unknown-item', errors: [{ path: 'vetoes.0' }] });
  });
});

describe('submitting', () => {
  it('is refused until every criterion is scored, naming each one missing', async () => {
    const p = await openPeriod(h, people);
    const one = expectStatus(await entry(people.sec1, p.a1, { criterionId: 'venue', version: 1 }), 200);
    const r = await h.call(scoring.submitScoringSelfAssessment, { token: people.sec1, params: { id: p.a1 }, body: { version: one.version } });
    expect(r.body.type).toBe('urn:gongzhi:problem:incomplete');
    expect(r.body.errors).toHaveLength(CRITERIA.length - 1);
    expect(r.body.errors[0]).toEqual({ location: 'assessment', path: 'entries.committee-complete', message: '“支部委员会健全，分工明确”还没有评分' });
  });

  it('fixes the proposal and the problem list, after which nothing of the self-assessment changes', async () => {
    const p = await openPeriod(h, people);
    const submitted = await submitSelf(h, people.sec1, p.a1, {
      'party-rules': [{ ruleId: 'general-meeting' }],
      'home-visits': [{ ruleId: 'visits-short', times: 3 }],
      venue: [{ ruleId: 'not-open' }],
    });
    expect(submitted).toMatchObject({ status: 'submitted', proposed: { total: 93, star: 4 }, submittedByName: '刘玉兰', can: { editSelf: false, submit: false, rectify: true } });
    expect(submitted.problems.map((x: any) => [x.categoryName, x.text, x.points])).toEqual([
      ['运行质效', '未按期召开支部大会', 2],
      ['服务群众', '走访入户未达计划（每季度）', 3],
      ['保障过硬', '阵地未正常开放使用', 2],
    ]);
    const again = await entry(people.sec1, p.a1, { criterionId: 'venue', version: submitted.version });
    expect(again.body.type).toBe('urn:gongzhi:problem:already-submitted');
    const twice = await h.call(scoring.submitScoringSelfAssessment, { token: people.sec1, params: { id: p.a1 }, body: { version: submitted.version } });
    expect(twice.body.type).toBe('urn:gongzhi:problem:already-submitted');
    const board = expectStatus(await h.call(scoring.getScoringPeriodBoard, { token: people.committee, params: { id: p.id } }), 200);
    expect(board.items[0]).toMatchObject({ status: 'submitted', proposed: { total: 93, star: 4 }, rectification: { problems: 3, covered: 0 } });
  });
});

describe('problems, rectification and the branch meeting', () => {
  it('takes measures on the branch’s problems only, records progress until done, and counts what is overdue', async () => {
    const p = await openPeriod(h, people);
    const before = expectStatus(await h.call(scoring.addScoringRectification, { token: people.sec1, params: { id: p.a1 }, body: { problemKey: 'venue.not-open', measure: '周末安排值守', ownerName: '刘玉兰', deadline: '2026-12-31' } }), 409);
    expect(before.type).toBe('urn:gongzhi:problem:not-submitted');
    await submitSelf(h, people.sec1, p.a1, { venue: [{ ruleId: 'not-open' }], records: [{ ruleId: 'dues-late' }] });
    const stranger = await h.call(scoring.addScoringRectification, { token: people.sec1, params: { id: p.a1 }, body: { problemKey: 'funds.funds-misused', measure: '规范经费', ownerName: '刘玉兰', deadline: '2026-12-31' } });
    expect(stranger.body).toMatchObject({ type: 'urn:gongzhi:problem:unknown-problem', errors: [{ path: 'problemKey' }] });
    const late = expectStatus(
      await h.call(scoring.addScoringRectification, { token: people.sec1, params: { id: p.a1 }, body: { problemKey: 'records.dues-late', measure: '每月 5 日前收缴党费', ownerName: '组织委员', deadline: '2020-01-31' } }),
      201,
    );
    expect(late).toMatchObject({ overdue: true, done: false, updates: [] });
    const measure = expectStatus(
      await h.call(scoring.addScoringRectification, { token: people.sec1, params: { id: p.a1 }, body: { problemKey: 'venue.not-open', measure: '党群服务站周末安排党员值守', ownerName: '刘玉兰', deadline: '2099-06-30' } }),
      201,
    );
    const progress = expectStatus(
      await h.call(scoring.recordScoringRectificationProgress, { token: people.sec1, params: { id: p.a1 }, body: { measureId: measure.id, text: '已排好 4 月值班表', version: measure.version } }),
      200,
    );
    const done = expectStatus(
      await h.call(scoring.recordScoringRectificationProgress, { token: people.sec1, params: { id: p.a1 }, body: { measureId: measure.id, text: '周末正常开放', done: true, version: progress.version } }),
      200,
    );
    expect(done).toMatchObject({ done: true, overdue: false, updates: [{ text: '已排好 4 月值班表', done: false }, { text: '周末正常开放', done: true }] });
    const more = await h.call(scoring.recordScoringRectificationProgress, { token: people.sec1, params: { id: p.a1 }, body: { measureId: measure.id, text: '再记一次', version: done.version } });
    expect(more.body.type).toBe('urn:gongzhi:problem:measure-done');
    const page = expectStatus(await h.call(scoring.getScoringAssessment, { token: people.committee, params: { id: p.a1 } }), 200);
    expect(page.rectification).toEqual({ problems: 2, covered: 2, measures: 2, done: 1, overdue: 1, open: 0 });
    const progressReport = expectStatus(await h.call(scoring.getScoringRectificationProgress, { token: people.committee, params: { id: p.id } }), 200);
    expect(progressReport.totals).toEqual({ problems: 2, covered: 2, measures: 2, done: 1, overdue: 1, open: 0 });
  });

  it('records the branch general meeting with the problems it discussed, linked both ways; not a meeting yet to come', async () => {
    const p = await openPeriod(h, people);
    await submitSelf(h, people.sec1, p.a1, { 'home-visits': [{ ruleId: 'no-visit-log' }] });
    const future = await h.call(scoring.recordScoringBranchMeeting, { token: people.sec1, params: { id: p.a1 }, body: { date: '2099-01-01', attendeeCount: 20, minutes: '会议纪要', problemKeys: [] } });
    expect(future.body.type).toBe('urn:gongzhi:problem:date-in-future');
    const unknown = await h.call(scoring.recordScoringBranchMeeting, { token: people.sec1, params: { id: p.a1 }, body: { date: '2026-03-01', attendeeCount: 20, minutes: '会议纪要', problemKeys: ['venue.no-venue'] } });
    expect(unknown.body.type).toBe('urn:gongzhi:problem:unknown-problem');
    const meeting = expectStatus(
      await h.call(scoring.recordScoringBranchMeeting, {
        token: people.sec1,
        params: { id: p.a1 },
        body: { date: '2026-03-01', attendeeCount: 23, attendees: ['刘玉兰', '王建国'], minutes: '征求党员意见，研究走访入户台账整改', problemKeys: ['home-visits.no-visit-log'] },
      }),
      201,
    );
    expect(meeting).toMatchObject({ attendeeCount: 23, recordedByName: '刘玉兰' });
    const page = expectStatus(await h.call(scoring.getScoringAssessment, { token: people.sec1, params: { id: p.a1 } }), 200);
    expect(page.problems[0].meetingIds).toEqual([meeting.id]);
    expect(page.meetings).toEqual([meeting]);
  });
});

describe('residents’ voice beside 服务群众', () => {
  it('shows the branch’s feedback in the period from the feedback statistics: resolved, ratings, satisfaction', async () => {
    const branches = expectStatus(await h.call(identity.listBranches, { token: people.committee }), 200).items;
    const branch = branches.find((b: any) => b.id === '03');
    const reporter = await h.resident('张桂兰');
    for (const stars of [5, 4]) {
      const f = expectStatus(await h.call(feedback.submitFeedback, { token: reporter, body: aFeedback() }), 201);
      let v = expectStatus(await h.call(feedback.assignFeedback, { token: people.committee, params: { id: f.id }, body: { branch } }), 200).version;
      v = expectStatus(await h.call(feedback.transitionFeedback, { token: people.committee, params: { id: f.id }, body: { to: 'accepted', version: v } }), 200).version;
      v = expectStatus(await h.call(feedback.transitionFeedback, { token: people.committee, params: { id: f.id }, body: { to: 'resolved', note: '已处理', version: v } }), 200).version;
      expectStatus(await h.call(feedback.rateFeedback, { token: reporter, params: { id: f.id }, body: { resolved: true, stars, version: v } }), 200);
    }
    const thisYear = new Date().getFullYear();
    const p = await openPeriod(h, people, { startDate: `${thisYear}-01-01`, endDate: `${thisYear}-12-31` });
    const page = expectStatus(await h.call(scoring.getScoringAssessment, { token: people.sec3, params: { id: p.a3 } }), 200);
    expect(page.feedbackFigures).toMatchObject({ branchName: '青年新苑第三党支部', from: `${thisYear}-01`, resolved: 2, ratings: 2, satisfaction: 4.5, satisfactionPercent: 90 });
    expect(DEFAULT_SHEET.categories.find((c) => c.residentsVoice)?.name).toBe('服务群众');
  });
});

describe('evidence photos and PDF documents', () => {
  const MiB = 1024 * 1024;
  const jpeg = (size = 4006) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x10]), randomBytes(size - 6)]);
  const pdf = (size = 4000) => Buffer.concat([Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n', 'latin1'), randomBytes(size)]).subarray(0, size);
  const upload = async (token: string, bytes: Buffer, kind?: 'photo' | 'pdf'): Promise<string> => {
    const ticket = expectStatus(await h.call(scoring.createScoringEvidenceUpload, { token, ...(kind ? { query: { kind } } : {}) }), 201);
    expect(ticket.maxBytes).toBe(kind === 'pdf' ? 20 * MiB : 10 * MiB);
    const form = new FormData();
    for (const [k, v] of Object.entries(ticket.fields as Record<string, string>)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(bytes)]), 'photo');
    const r = await fetch(ticket.url.replace('//localhost:', '//127.0.0.1:'), { method: 'POST', body: form });
    expect(r.status).toBeLessThan(300);
    return ticket.key;
  };
  const storedKeyOf = (incoming: string) => {
    const [, community, , id] = incoming.split('/');
    return `stored/${community}/scoring-evidence/${id}`;
  };
  const exists = async (key: string) => {
    try {
      await s3().send(new HeadObjectCommand({ Bucket: uploadsBucket(), Key: key }));
      return true;
    } catch {
      return false;
    }
  };
  const add = (key: string, target: Record<string, unknown> = { kind: 'criterion', criterionId: 'venue' }, caption?: string) =>
    h.call(scoring.addScoringEvidence, { token: people.sec1, params: { id: openA1 }, body: { target, key, ...(caption ? { caption } : {}) } });
  let openA1: string;
  beforeEach(async () => {
    openA1 = (await openPeriod(h, people)).a1;
  });

  it('links a checked photo to a criterion (while a draft), shows it by signed URL, and removes it on request', async () => {
    const p = { a1: openA1 };
    const key = await upload(people.sec1, jpeg());
    const headers = { 'idempotency-key': `evidence-${randomUUID()}` };
    const body = { target: { kind: 'criterion', criterionId: 'venue' }, key, caption: '党群服务站门牌' };
    const added = expectStatus(await h.call(scoring.addScoringEvidence, { token: people.sec1, params: { id: p.a1 }, body, headers }), 201);
    expect(added).toMatchObject({ target: { kind: 'criterion', criterionId: 'venue' }, contentType: 'image/jpeg', caption: '党群服务站门牌', addedByName: '刘玉兰' });
    expect(added.url).toContain('/stored/');
    const again = expectStatus(await h.call(scoring.addScoringEvidence, { token: people.sec1, params: { id: p.a1 }, body, headers }), 201);
    expect(again.id).toBe(added.id);
    const page = expectStatus(await h.call(scoring.getScoringAssessment, { token: people.committee, params: { id: p.a1 } }), 200);
    expect(page.evidence.map((e: any) => e.id)).toEqual([added.id]);
    expectStatus(await h.call(scoring.removeScoringEvidence, { token: people.sec1, params: { id: p.a1 }, body: { evidenceId: added.id } }), 200);
    expect(expectStatus(await h.call(scoring.getScoringAssessment, { token: people.sec1, params: { id: p.a1 } }), 200).evidence).toEqual([]);
  });

  it('gives a PDF its own ticket: a policy for application/pdf up to 20 MB (a photo’s stays image/, 10 MB)', async () => {
    const forPdf = expectStatus(await h.call(scoring.createScoringEvidenceUpload, { token: people.sec1, query: { kind: 'pdf' } }), 201);
    expect(forPdf).toMatchObject({ maxBytes: 20 * MiB, allowedTypes: ['application/pdf'] });
    expect(forPdf.fields['Content-Type']).toBe('application/pdf');
    const policy = JSON.parse(Buffer.from(forPdf.fields.Policy ?? forPdf.fields.policy, 'base64').toString());
    expect(policy.conditions).toEqual(expect.arrayContaining([['content-length-range', 1, 20 * MiB], ['starts-with', '$Content-Type', 'application/pdf']]));
    const forPhoto = expectStatus(await h.call(scoring.createScoringEvidenceUpload, { token: people.sec1 }), 201);
    expect(forPhoto).toMatchObject({ maxBytes: 10 * MiB, allowedTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'] });
    const photoPolicy = JSON.parse(Buffer.from(forPhoto.fields.Policy ?? forPhoto.fields.policy, 'base64').toString());
    expect(photoPolicy.conditions).toEqual(expect.arrayContaining([['content-length-range', 1, 10 * MiB], ['starts-with', '$Content-Type', 'image/']]));
    const bad = await h.call(scoring.createScoringEvidenceUpload, { token: people.sec1, query: { kind: 'word' } });
    expect(isProblem(bad, 400)).toBe(true);
    expect(bad.body.errors[0]).toMatchObject({ location: 'query', path: 'kind' });
  });

  it('accepts a PDF by its first bytes, stores it as application/pdf and shows it by signed URL with its bytes', async () => {
    const bytes = pdf(12 * MiB);
    const key = await upload(people.sec1, bytes, 'pdf');
    const added = expectStatus(await add(key, { kind: 'criterion', criterionId: 'venue' }, '支部大会会议记录'), 201);
    expect(added).toMatchObject({ contentType: 'application/pdf', size: 12 * MiB, caption: '支部大会会议记录' });
    const stored = storedKeyOf(key);
    expect(await exists(key)).toBe(false);
    const head = await s3().send(new HeadObjectCommand({ Bucket: uploadsBucket(), Key: stored }));
    expect(head).toMatchObject({ ContentType: 'application/pdf', ContentLength: 12 * MiB });
    const shown = await fetch(added.url.replace('//localhost:', '//127.0.0.1:'));
    expect(shown.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await shown.arrayBuffer()).equals(bytes)).toBe(true);
    // the evidence item as stored (the snapshot is raw DynamoDB attribute values)
    const items = Object.values(await h.snapshot()).flat().filter((i: any) => i.key?.S === stored);
    expect(items).toEqual([expect.objectContaining({ contentType: { S: 'application/pdf' }, size: { N: String(12 * MiB) }, caption: { S: '支部大会会议记录' } })]);
  });

  it('refuses, writing and moving nothing: a file that claims to be a PDF and is not, a PDF over 20 MB, a photo over 10 MB', async () => {
    const fake = await upload(people.sec1, Buffer.from('<!doctype html><script>alert(1)</script>'.repeat(50)), 'pdf');
    const tooBigPdf = await upload(people.sec1, pdf(20 * MiB + 1), 'pdf');
    const tooBigPhoto = await upload(people.sec1, jpeg(10 * MiB + 1));
    const before = await h.snapshot();
    for (const [key, message] of [
      [fake, '只能上传 JPG、PNG、WebP、HEIC 图片或 PDF 文件'],
      [tooBigPdf, '图片不能超过 10 MB，PDF 文件不能超过 20 MB'],
      [tooBigPhoto, '图片不能超过 10 MB，PDF 文件不能超过 20 MB'],
    ] as const) {
      const r = await add(key);
      expect(isProblem(r, 400)).toBe(true);
      expect(r.body.errors).toEqual([{ location: 'body', path: 'key', message }]);
      expect([await exists(key), await exists(storedKeyOf(key))]).toEqual([true, false]);
    }
    expect(await h.snapshot()).toEqual(before);
  });

  it('refuses someone else’s upload and a target the branch does not have', async () => {
    const theirs = await upload(people.sec2, jpeg());
    const r = await add(theirs);
    expect(isProblem(r, 400)).toBe(true);
    expect(r.body.errors).toEqual([{ location: 'body', path: 'key', message: '材料无效或已过期，请重新上传' }]);
    const mine = await upload(people.sec1, pdf(), 'pdf');
    const r3 = await add(mine, { kind: 'measure', measureId: randomUUID() });
    expect(isProblem(r3, 404)).toBe(true);
  });
});
