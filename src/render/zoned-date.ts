/**
 * The `date` filter in a time zone, from the time zone's own offsets. liquidjs shifts a Date by (host offset −
 * zone offset) and reads the shifted Date's local fields: around the host's daylight-saving changes the host offset
 * differs between the two instants, so with TZ=Europe/Berlin and `timezone: Asia/Shanghai` an hour of each change
 * rendered an hour off (and `%z` said +0700). Here every field comes from Intl.DateTimeFormat with `timeZone`, so the
 * host's zone never enters. Same directives, flags and widths as liquidjs's strftime.
 */

const MINUTE = 60_000;

/** The wall-clock fields of an instant in a time zone. */
export interface ZonedFields {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday */
  weekday: number;
  /** Minutes east of UTC (Asia/Shanghai: 480). */
  offset: number;
}

const FIELD_FORMATS = new Map<string, Intl.DateTimeFormat>();

function fieldFormat(timeZone: string): Intl.DateTimeFormat {
  let format = FIELD_FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    FIELD_FORMATS.set(timeZone, format);
  }
  return format;
}

/** The fields of `time` (epoch ms) in `timeZone`, with the zone's offset at that instant. */
export function zonedFields(time: number, timeZone: string): ZonedFields {
  const parts: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const part of fieldFormat(timeZone).formatToParts(time)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const millisecond = ((time % 1000) + 1000) % 1000;
  const year = parts.year!;
  const month = parts.month!;
  const day = parts.day!;
  const hour = parts.hour! % 24;
  const minute = parts.minute!;
  const second = parts.second!;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const utcDay = new Date(Date.UTC(year, month - 1, day));
  utcDay.setUTCFullYear(year);
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    millisecond,
    weekday: utcDay.getUTCDay(),
    offset: Math.round((asUtc - time) / MINUTE),
  };
}

/** A wall-clock time without an offset, read in `timeZone` (the offset that zone had then). */
function fromWallClock(fields: number[], timeZone: string): number {
  const [year, month, day, hour = 0, minute = 0, second = 0, ms = 0] = fields;
  const guess = Date.UTC(year!, month! - 1, day!, hour, minute, second, ms);
  // Two passes settle the offset, also across a change (a time in the gap resolves forward, like Temporal's default).
  let time = guess - zonedFields(guess, timeZone).offset * MINUTE;
  time = guess - zonedFields(time, timeZone).offset * MINUTE;
  return time;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/;

/** The instant a `date` filter input stands for, as liquidjs reads it; undefined when it is no date. */
export function instantOf(value: unknown, timeZone: string, now: () => number = Date.now): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === 'now' || value === 'today') return now();
  if (typeof value === 'number') return value * 1000;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // A date and time without an offset is the time zone's wall clock, not the host's.
  const local = LOCAL_DATE_TIME.exec(text);
  if (local) {
    const fields = local
      .slice(1)
      .map((part, index) => (index === 6 ? Number((part ?? '0').padEnd(3, '0')) : Number(part ?? 0)));
    return fromWallClock(fields, timeZone);
  }
  const time = new Date(text).getTime();
  return Number.isNaN(time) ? undefined : time;
}

const NAME_FORMATS = new Map<string, Intl.DateTimeFormat>();

function named(time: number, timeZone: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  const key = `${timeZone}|${locale}|${JSON.stringify(options)}`;
  let format = NAME_FORMATS.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    NAME_FORMATS.set(key, format);
  }
  return format.format(time);
}

function dayOfYear(fields: ZonedFields): number {
  return (
    Math.round((Date.UTC(fields.year, fields.month - 1, fields.day) - Date.UTC(fields.year, 0, 1)) / 86_400_000) + 1
  );
}

function weekOfYear(fields: ZonedFields, startDay: number): string {
  const sinceStart = (fields.weekday - startDay + 7) % 7;
  return String(Math.floor((dayOfYear(fields) - 1 - sinceStart + 7) / 7));
}

function offsetText(offset: number, colon: boolean): string {
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

function ordinalSuffix(day: number): string {
  if (day >= 11 && day <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][day % 10] ?? 'th';
}

const PAD_WIDTHS: Readonly<Record<string, number>> = {
  C: 2,
  d: 2,
  e: 2,
  H: 2,
  I: 2,
  j: 3,
  k: 2,
  l: 2,
  L: 3,
  m: 2,
  M: 2,
  S: 2,
  U: 2,
  W: 2,
  y: 2,
  Y: 4,
};
const PAD_SPACE = new Set('aAbBceklpP');
const DIRECTIVE = /%([-_0^#:]+)?(\d+)?([EO])?(.)/g;

/** strftime over the time zone's own fields (liquidjs's directives; `%Z` is the zone's name as configured). */
export function formatInZone(time: number, format: string, timeZone: string, locale: string): string {
  const f = zonedFields(time, timeZone);
  const hours12 = String(f.hour % 12 || 12);
  return format.replace(
    DIRECTIVE,
    (input, flagText: string | undefined, width: string | undefined, _mod, code: string) => {
      const flags = new Set(flagText ?? '');
      let value: string | number;
      switch (code) {
        case 'a':
          value = named(time, timeZone, locale, { weekday: 'short' });
          break;
        case 'A':
          value = named(time, timeZone, locale, { weekday: 'long' });
          break;
        case 'b':
        case 'h':
          value = named(time, timeZone, locale, { month: 'short' });
          break;
        case 'B':
          value = named(time, timeZone, locale, { month: 'long' });
          break;
        case 'c':
          value = new Date(time).toLocaleString(locale, { timeZone });
          break;
        case 'x':
          value = new Date(time).toLocaleDateString(locale, { timeZone });
          break;
        case 'X':
          value = new Date(time).toLocaleTimeString(locale, { timeZone });
          break;
        case 'C':
          value = Math.floor(f.year / 100);
          break;
        case 'd':
        case 'e':
          value = f.day;
          break;
        case 'H':
        case 'k':
          value = f.hour;
          break;
        case 'I':
        case 'l':
          value = hours12;
          break;
        case 'j':
          value = dayOfYear(f);
          break;
        case 'L':
          value = f.millisecond;
          break;
        case 'N': {
          const digits = Number(width) || 9;
          value = String(f.millisecond).padStart(3, '0').slice(0, digits).padEnd(digits, '0');
          break;
        }
        case 'm':
          value = f.month;
          break;
        case 'M':
          value = f.minute;
          break;
        case 'p':
          value = f.hour < 12 ? 'AM' : 'PM';
          break;
        case 'P':
          value = f.hour < 12 ? 'am' : 'pm';
          break;
        case 'q':
          value = ordinalSuffix(f.day);
          break;
        case 's':
          value = Math.floor(time / 1000);
          break;
        case 'S':
          value = f.second;
          break;
        case 'u':
          value = f.weekday || 7;
          break;
        case 'U':
          value = weekOfYear(f, 0);
          break;
        case 'w':
          value = f.weekday;
          break;
        case 'W':
          value = weekOfYear(f, 1);
          break;
        case 'y':
          value = ((f.year % 100) + 100) % 100;
          break;
        case 'Y':
          value = f.year;
          break;
        case 'z':
          value = offsetText(f.offset, flags.has(':'));
          break;
        case 'Z':
          value = timeZone;
          break;
        case 't':
          return '\t';
        case 'n':
          return '\n';
        case '%':
          return '%';
        default:
          return input;
      }
      let text = String(value);
      let padChar = PAD_SPACE.has(code) ? ' ' : '0';
      let padWidth = Number(width) || (Object.hasOwn(PAD_WIDTHS, code) ? PAD_WIDTHS[code]! : 0);
      if (code === 'N') padWidth = 0;
      if (flags.has('^')) text = text.toUpperCase();
      else if (flags.has('#')) text = /[a-z]/.test(text) ? text.toUpperCase() : text.toLowerCase();
      if (flags.has('_')) padChar = ' ';
      else if (flags.has('0')) padChar = '0';
      if (flags.has('-')) padWidth = 0;
      if (padChar === '0' && text.startsWith('-')) return `-${text.slice(1).padStart(padWidth - 1, padChar)}`;
      return text.padStart(padWidth, padChar);
    },
  );
}
