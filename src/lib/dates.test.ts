import { describe, expect, it } from 'vitest'
import { dayOf, dayRangeInstants, formatDate, formatDateTime, formatDay, formatTime, nextDay, parseDay, startOfDay } from './dates'

describe('parseDay', () => {
  it('accepts real calendar days', () => {
    expect(parseDay('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 })
  })
  it.each(['banana', '2023-02-29', '2024-13-01', '2024-00-10', '2024-1-5', '', null, '2024-02-07T00:00'])('rejects %s', (text) => {
    expect(parseDay(text)).toBeNull()
  })
})

describe('nextDay', () => {
  it('crosses month and year ends', () => {
    expect(formatDay(nextDay({ year: 2023, month: 12, day: 31 }))).toBe('2024-01-01')
    expect(formatDay(nextDay({ year: 2024, month: 2, day: 28 }))).toBe('2024-02-29')
  })
})

describe('local day boundaries', () => {
  it('starts a Shanghai day at 16:00 UTC the day before (the process zone in tests)', () => {
    expect(new Date(startOfDay({ year: 2024, month: 2, day: 7 })).toISOString()).toBe('2024-02-06T16:00:00.000Z')
  })

  it('puts an article published 23:59 Shanghai time on that day, and 00:00 on the next', () => {
    expect(formatDay(dayOf('2024-02-07T15:59:59Z'))).toBe('2024-02-07')
    expect(formatDay(dayOf('2024-02-07T16:00:00Z'))).toBe('2024-02-08')
  })

  it('makes from/to inclusive: [from 00:00, day after to 00:00) local', () => {
    const range = dayRangeInstants(parseDay('2024-02-07'), parseDay('2024-02-07'))
    expect(new Date(range.start).toISOString()).toBe('2024-02-06T16:00:00.000Z')
    expect(new Date(range.end).toISOString()).toBe('2024-02-07T16:00:00.000Z')
  })

  it('leaves open ends open', () => {
    expect(dayRangeInstants(null, null)).toEqual({ start: -Infinity, end: Infinity })
  })

  it('follows New York, including the 23-hour day when DST starts', () => {
    const zone = 'America/New_York'
    expect(new Date(startOfDay({ year: 2024, month: 1, day: 15 }, zone)).toISOString()).toBe('2024-01-15T05:00:00.000Z')
    expect(new Date(startOfDay({ year: 2024, month: 7, day: 15 }, zone)).toISOString()).toBe('2024-07-15T04:00:00.000Z')
    const dstStart = dayRangeInstants(parseDay('2024-03-10'), parseDay('2024-03-10'), zone)
    expect((dstStart.end - dstStart.start) / 3_600_000).toBe(23)
    expect(formatDay(dayOf('2024-03-11T03:30:00Z', zone))).toBe('2024-03-10')
  })

  it('handles a zone where DST starts at midnight (the day begins at 01:00)', () => {
    // Chile (America/Santiago) moved clocks from 00:00 to 01:00 on 2023-09-03.
    const start = startOfDay({ year: 2023, month: 9, day: 3 }, 'America/Santiago')
    expect(formatDay(dayOf(start, 'America/Santiago'))).toBe('2023-09-03')
    expect(formatDay(dayOf(start - 1, 'America/Santiago'))).toBe('2023-09-02')
  })
})

describe('formatting', () => {
  it('writes local dates and times in Chinese', () => {
    expect(formatDate('2024-02-07T14:45:01Z')).toBe('2024年2月7日')
    expect(formatTime('2024-02-07T14:45:01Z')).toBe('22:45')
  })

  it.each(['banana', '', '2024-13-45T99:00:00Z'])('never throws on an invalid date (%j): shows nothing', (text) => {
    expect(formatDate(text)).toBe('')
    expect(formatDateTime(text)).toBe('')
    expect(formatTime(text)).toBe('')
  })
})
