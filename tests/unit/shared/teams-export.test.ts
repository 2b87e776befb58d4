/** The committee's export of teams with members and hours: a CSV Excel opens correctly. */
import { teamsCsv } from '../../../shared/teams/export';

const team = {
  name: '朝阳舞蹈队',
  registrationNumber: '青年-WD-2026-001',
  status: 'approved' as const,
  validUntil: '2027-11-26',
  venueName: '青年新苑中心广场',
  slots: [{ day: 5, start: '19:00', end: '20:30' }, { day: 1, start: '06:30', end: '07:30' }],
  leaderName: '李秀英',
  phone: '13912345678',
  members: [
    { name: '李秀英', acceptedRulesVersion: 2, hours: { performance: 2, volunteer: 3 } },
    { name: '王"阿姨"', phone: '13800001111', hours: { performance: 0, volunteer: 1.5 } },
    { name: '=HYPERLINK("x")', hours: { performance: 0, volunteer: 0 } },
  ],
  teamHours: { performance: 2, volunteer: 4.5 },
};

describe('the teams CSV', () => {
  const csv = teamsCsv([team]);
  const lines = csv.slice(1).split('\r\n');

  it('is UTF-8 with a byte-order mark and CRLF lines, with Chinese headers', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines[0]).toBe('队伍名称,备案编号,状态,有效期至,场地,活动时段,队长,联系电话,队员,队员电话,已确认规章版本,文艺汇演（小时）,志愿服务（小时）');
  });

  it('has one line per member and one with the team’s totals', () => {
    expect(lines.filter(Boolean)).toHaveLength(1 + 3 + 1);
    expect(lines[1]).toBe('朝阳舞蹈队,青年-WD-2026-001,已备案,2027-11-26,青年新苑中心广场,周一 06:30–07:30；周五 19:00–20:30,李秀英,13912345678,李秀英,,2,2,3');
    expect(lines[4]).toMatch(/,（全队合计）,,,2,4\.5$/);
  });

  it('quotes what needs quoting and keeps typed text from running as a formula', () => {
    expect(lines[2]).toContain(',"王""阿姨""",13800001111,');
    expect(lines[3]).toContain(`,"'=HYPERLINK(""x"")",`);
  });
});
