/**
 * The `date` filter on a host whose zone has daylight-saving changes (a self-hosted runner, the CLI on a laptop):
 * every quarter-hour of four days around each of Berlin's 2026 changes, rendered in Asia/Shanghai (UTC+8 all
 * year), must read the Shanghai wall clock and `+0800`. liquidjs's own filter rendered 24 of these 768 an hour off.
 * The host zone is set for this file only (Vitest runs each file in its own process: pool `forks`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Liquid } from 'liquidjs';
import { renderTemplate } from '../../src/render/template.js';
import { formatInZone, instantOf } from '../../src/render/zoned-date.js';
import type { CiContext } from '../../src/model/context.js';

const HOST_ZONE = 'Europe/Berlin';
let previous: string | undefined;
beforeAll(() => {
  previous = process.env.TZ;
  process.env.TZ = HOST_ZONE;
});
afterAll(() => {
  if (previous === undefined) delete process.env.TZ;
  else process.env.TZ = previous;
});

const QUARTER = 15 * 60_000;
function quarterHours(): number[] {
  const times: number[] = [];
  for (const start of [Date.UTC(2026, 2, 27), Date.UTC(2026, 9, 23)])
    for (let time = start; time < start + 4 * 86_400_000; time += QUARTER) times.push(time);
  return times;
}

/** Shanghai has no daylight saving: its wall clock is UTC + 8 h, computed here without any time zone code. */
function shanghai(time: number): string {
  const d = new Date(time + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} +0800`;
}

const FORMAT = '%Y-%m-%d %H:%M %z';

describe(`date filter with the host in ${HOST_ZONE} and timezone Asia/Shanghai`, () => {
  it('the host really is in a zone with daylight saving (else this test proves nothing)', () => {
    expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(-60);
    expect(new Date(Date.UTC(2026, 6, 1)).getTimezoneOffset()).toBe(-120);
  });

  it('liquidjs alone is off around the changes (the defect this replaces)', async () => {
    const engine = new Liquid({ timezoneOffset: 'Asia/Shanghai' });
    const template = engine.parse(`{{ t | date: "${FORMAT}" }}`);
    let wrong = 0;
    for (const time of quarterHours())
      if ((await engine.render(template, { t: new Date(time).toISOString() })) !== shanghai(time)) wrong++;
    expect(wrong).toBeGreaterThan(0);
  });

  it('every one of the 768 quarter-hours renders the Shanghai wall clock and +0800', async () => {
    const times = quarterHours();
    expect(times).toHaveLength(768);
    const context = { ci: 'github', status: 'success' } as CiContext;
    const body = times.map((time) => `{{ "${new Date(time).toISOString()}" | date: "${FORMAT}" }}`).join('\n');
    const { markdown } = await renderTemplate({ template: body, timezone: 'Asia/Shanghai', locale: 'en' }, context);
    const expected = times.map(shanghai);
    // The body is Markdown: the filter's output is escaped (`2026\-03\-27`).
    const lines = markdown.replace(/\\/g, '').split('\n');
    const wrong = lines.filter((line, index) => line !== expected[index]);
    expect(wrong).toEqual([]);
    expect(lines).toHaveLength(768);
  });

  it('Berlin itself renders its own offsets on both sides of each change', () => {
    const zone = 'Europe/Berlin';
    expect(formatInZone(Date.UTC(2026, 2, 29, 0, 45), FORMAT, zone, 'en')).toBe('2026-03-29 01:45 +0100');
    expect(formatInZone(Date.UTC(2026, 2, 29, 1, 0), FORMAT, zone, 'en')).toBe('2026-03-29 03:00 +0200');
    expect(formatInZone(Date.UTC(2026, 9, 25, 0, 30), FORMAT, zone, 'en')).toBe('2026-10-25 02:30 +0200');
    expect(formatInZone(Date.UTC(2026, 9, 25, 1, 30), FORMAT, zone, 'en')).toBe('2026-10-25 02:30 +0100');
    expect(formatInZone(Date.UTC(2026, 2, 29, 1, 0), '%:z %Z %a %b %-d %-l%P %j', zone, 'en')).toBe(
      '+02:00 Europe/Berlin Sun Mar 29 3am 088',
    );
  });

  it('a date and time without an offset is the time zone’s wall clock; epoch seconds and "now" are instants', () => {
    expect(instantOf('2026-03-29 08:00', 'Asia/Shanghai')).toBe(Date.UTC(2026, 2, 29, 0, 0));
    expect(instantOf('2026-03-29T02:30', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(instantOf(1_700_000_000, 'UTC')).toBe(1_700_000_000_000);
    expect(instantOf('1700000000', 'UTC')).toBe(1_700_000_000_000);
    expect(instantOf('now', 'UTC', () => 42)).toBe(42);
    expect(instantOf('not a date', 'UTC')).toBeUndefined();
  });
});
