import { csvFile, type CsvValue } from '../csv';
import { TEAM_STATUS_LABELS, type TeamStatus } from './status';
import { slotText, sortSlots, type WeeklySlot } from './slots';
import type { HoursByKind } from './activities';

/** One team as the committee's export shows it: the team, then one line per member, then the team's totals. */
export interface TeamExportRow {
  name: string;
  registrationNumber?: string;
  status: TeamStatus;
  validUntil?: string;
  venueName: string;
  slots: readonly WeeklySlot[];
  leaderName: string;
  phone: string;
  members: { name: string; phone?: string; acceptedRulesVersion?: number; hours: HoursByKind }[];
  teamHours: HoursByKind;
}

/** Teams with their members and hours, as Excel-friendly CSV (UTF-8 with BOM, CRLF), with Chinese headers. */
export const teamsCsv = (teams: readonly TeamExportRow[]): string => {
  const header = ['队伍名称', '备案编号', '状态', '有效期至', '场地', '活动时段', '队长', '联系电话', '队员', '队员电话', '已确认规章版本', '文艺汇演（小时）', '志愿服务（小时）'];
  const lines: CsvValue[][] = [];
  for (const t of teams) {
    const team = [t.name, t.registrationNumber, TEAM_STATUS_LABELS[t.status], t.validUntil, t.venueName, sortSlots(t.slots).map(slotText).join('；'), t.leaderName, t.phone];
    for (const m of t.members)
      lines.push([...team, m.name, m.phone, m.acceptedRulesVersion, m.hours.performance, m.hours.volunteer]);
    lines.push([...team, '（全队合计）', undefined, undefined, t.teamHours.performance, t.teamHours.volunteer]);
  }
  return csvFile(header, lines);
};
