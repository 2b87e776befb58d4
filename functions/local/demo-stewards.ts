import { randomUUID } from 'node:crypto';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { HelpKind, HouseholdLabel } from '../../shared/stewards/households';
import { db } from '../src/db/client';
import { tableName } from '../src/db/tables';
import { householdRecord, workRecord, type HouseholdItem, type WorkItem } from '../src/stewards/store';

/**
 * The red stewards' households and three months of their work: each of the 20 stewards looks after three
 * households in one compound (living alone, hardship, disability …), visited about monthly — a few not for over
 * a month, so the coverage page has overdue visits to show — with some help given. Written in batches, since
 * every test file's harness loads the demo.
 */

const DAY = 86_400_000;
const SURNAMES = ['张', '李', '王', '陈', '刘', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
const CALLED = ['奶奶', '爷爷', '阿姨'];
const LABELS: HouseholdLabel[][] = [['living-alone', 'elderly'], ['hardship'], ['disability'], ['living-alone'], ['veteran', 'elderly']];
const TALKS = ['身体还好，血压平稳，叮嘱按时吃药。', '聊了冬季取暖，暖气温度正常。', '反映楼道灯不亮，已记下。', '子女不在身边，约好下周陪同去医院复查。', '询问了低保复审材料，已帮忙准备。'];
const HELP: { kind: HelpKind; what: string; hours: number }[] = [
  { kind: 'livelihood', what: '代购药品并送到家', hours: 1 },
  { kind: 'mediation', what: '调解楼上楼下漏水纠纷，双方达成一致', hours: 2 },
  { kind: 'hardship', what: '协助申请临时救助，材料已提交街道', hours: 1.5 },
];

const china = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

export const loadDemoStewards = async (opts: { communityId: string; now: Date; people: ReadonlyMap<string, string>; stewards: readonly string[]; compounds: readonly string[] }): Promise<void> => {
  const { communityId: cid, now } = opts;
  const items: Record<string, unknown>[] = [];
  opts.stewards.forEach((stewardName, s) => {
    const stewardId = opts.people.get(stewardName)!;
    const compound = opts.compounds[s % opts.compounds.length]!;
    for (let k = 0; k < 3; k++) {
      const n = s * 3 + k;
      const id = randomUUID();
      const since = china(now.getTime() - 150 * DAY);
      const work: WorkItem[] = [];
      // about monthly, the last visit 3–40 days ago: every seventh household waits longer than the usual 30 days
      const lastAgo = n % 7 === 0 ? 35 + (n % 6) : 3 + ((n * 5) % 24);
      for (const ago of [lastAgo, lastAgo + 30, lastAgo + 61]) {
        const date = china(now.getTime() - ago * DAY);
        work.push({
          id: randomUUID(),
          kind: 'visit',
          householdId: id,
          compound,
          date,
          metWith: k === 2 ? '老伴' : '本人',
          discussed: TALKS[(n + ago) % TALKS.length]!,
          ...(n % 4 === 0 && ago === lastAgo ? { needs: '希望社区帮忙联系维修楼道扶手' } : {}),
          stewardId,
          stewardName,
          recordedAt: new Date(now.getTime() - ago * DAY).toISOString(),
        });
      }
      if (n % 3 === 0) {
        const help = HELP[Math.floor(n / 3) % HELP.length]!;
        const ago = (n % 20) + 1;
        work.push({ id: randomUUID(), kind: help.kind, householdId: id, compound, date: china(now.getTime() - ago * DAY), whatWasDone: help.what, hours: help.hours, stewardId, stewardName, recordedAt: new Date(now.getTime() - ago * DAY).toISOString() });
      }
      const visits = work.filter((w) => w.kind === 'visit');
      const household: HouseholdItem = {
        id,
        communityId: cid,
        compound,
        building: `${(n % 12) + 1}栋`,
        unit: `${(n % 3) + 1}单元`,
        room: `${(n % 6) + 1}0${(n % 4) + 1}`,
        name: `${SURNAMES[n % SURNAMES.length]}${CALLED[n % CALLED.length]}`,
        labels: LABELS[n % LABELS.length]!,
        stewardId,
        stewardName,
        since,
        lastVisitDate: visits.map((v) => v.date).sort().at(-1)!,
        version: 1,
        createdAt: new Date(now.getTime() - 150 * DAY).toISOString(),
        updatedAt: new Date(now.getTime() - 150 * DAY).toISOString(),
      };
      items.push({ ...householdRecord(household), visitIds: new Set(visits.map((v) => v.id)) });
      for (const w of work) items.push(workRecord(cid, w));
    }
  });
  // 25 a batch, four batches in flight; dynalite takes them all
  const table = tableName('stewards');
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < batches.length) {
        let requests: unknown[] | undefined = batches[next++]!.map((Item) => ({ PutRequest: { Item } }));
        while (requests?.length) {
          const out: { UnprocessedItems?: Record<string, unknown[]> } = await db().send(new BatchWriteCommand({ RequestItems: { [table]: requests as never } }));
          requests = out.UnprocessedItems?.[table];
        }
      }
    }),
  );
};
