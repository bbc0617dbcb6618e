import { describe, expect, it } from 'vitest';
import Holidays from 'date-holidays';
import { addWerkdagen, holidaysInYear, isWerkdag } from './werkdagen.ts';

describe('werkdagen', () => {
  it('has the Dutch public holidays date-holidays lists for NL (type public), same days and names', () => {
    const hd = new Holidays('NL');
    for (let year = 1800; year <= 2300; year++) {
      const theirs = hd.getHolidays(year).filter((h) => h.type === 'public').map((h) => ({ date: h.date.slice(0, 10), name: h.name }));
      const byDate = new Map(theirs.map((h) => [h.date, h.name]));
      expect(holidaysInYear(year), String(year)).toEqual([...byDate].map(([date, name]) => ({ date, name })));
    }
  });

  it('counts Koningsdag, Hemelvaart and Tweede pinksterdag out and moves past weekends', () => {
    expect(isWerkdag('2025-04-26')).toBe(false); // Koningsdag on Saturday (27 April is a Sunday)
    expect(isWerkdag('2025-05-29')).toBe(false); // Hemelvaartsdag
    expect(isWerkdag('2025-06-09')).toBe(false); // Tweede pinksterdag
    expect(isWerkdag('2025-05-05')).toBe(true); // Bevrijdingsdag is not a general day off
    expect(addWerkdagen('2025-12-24', 1)).toBe('2025-12-29');
  });
});
