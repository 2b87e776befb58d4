/** Registration numbers (`青年-WD-2026-001`) and how long a registration holds. */
import { RegistrationNumber } from '../../../shared/api/teams';
import { formatRegistrationNumber, REGISTRATION_NUMBER_PATTERN, registrationPrefix, validityOf, validUntil } from '../../../shared/teams/registration';

describe('registration numbers', () => {
  it('start with the community’s name without 社区, then WD, the year and the year’s count', () => {
    expect(registrationPrefix('青年社区')).toBe('青年');
    expect(registrationPrefix('滨湖·世纪社区')).toBe('滨湖世纪');
    expect(registrationPrefix('')).toBe('SQ');
    expect(formatRegistrationNumber('青年', 2026, 1)).toBe('青年-WD-2026-001');
    expect(formatRegistrationNumber('青年', 2026, 1234)).toBe('青年-WD-2026-1234');
  });

  it('are what the public check accepts, typed with spaces around or not', () => {
    expect(REGISTRATION_NUMBER_PATTERN.test('青年-WD-2026-001')).toBe(true);
    expect(RegistrationNumber.parse(' 青年-WD-2026-007 ')).toBe('青年-WD-2026-007');
    for (const bad of ['青年-WD-26-001', '青年WD2026001', '-WD-2026-001', '青年-wd-2026-001', '青年-WD-2026-01'])
      expect([bad, RegistrationNumber.safeParse(bad).success]).toEqual([bad, false]);
  });
});

describe('validity', () => {
  it('runs to the day before the same date months later', () => {
    expect(validUntil('2026-11-27', 12)).toBe('2027-11-26');
    expect(validUntil('2026-03-01', 1)).toBe('2026-03-31');
    expect(validUntil('2026-01-31', 1)).toBe('2026-02-27');
    expect(validUntil('2024-02-29', 12)).toBe('2025-02-27');
  });

  it('is valid through its last day, expired after it, and suspended while suspended', () => {
    expect(validityOf('approved', '2027-11-26', '2027-11-26')).toBe('valid');
    expect(validityOf('approved', '2027-11-26', '2027-11-27')).toBe('expired');
    expect(validityOf('suspended', '2027-11-26', '2026-12-01')).toBe('suspended');
  });
});
