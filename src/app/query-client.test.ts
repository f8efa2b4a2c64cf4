// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { FRAME_FALLBACK_MS, frameScheduler } from './query-client'

describe("the query cache's notifications", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] }))
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
  })
  const visibility = (state: DocumentVisibilityState) => vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(state)

  test('a burst scheduled before the next frame is delivered in that frame, in one call, so the list renders once', () => {
    visibility('visible')
    const schedule = frameScheduler()
    const heard: string[] = []
    const frames = vi.spyOn(window, 'requestAnimationFrame')
    for (const file of ['index/0.json', 'text/a.txt', 'text/b.txt']) schedule(() => heard.push(file))
    expect(frames).toHaveBeenCalledOnce()
    expect(heard).toEqual([])
    vi.advanceTimersToNextFrame()
    expect(heard).toEqual(['index/0.json', 'text/a.txt', 'text/b.txt'])
    // Nothing runs twice when the fallback's time comes.
    vi.advanceTimersByTime(FRAME_FALLBACK_MS)
    expect(heard).toHaveLength(3)
    schedule(() => heard.push('text/c.txt'))
    vi.advanceTimersToNextFrame()
    expect(heard.at(-1)).toBe('text/c.txt')
  })

  test('a hidden page, which has no frames, still hears of its data: on the next turn, or after the fallback when hidden while it waited', () => {
    const state = visibility('hidden')
    const schedule = frameScheduler()
    const heard: string[] = []
    schedule(() => heard.push('hidden'))
    vi.advanceTimersByTime(0)
    expect(heard).toEqual(['hidden'])
    state.mockReturnValue('visible')
    schedule(() => heard.push('asked for a frame'))
    // The tab goes to the background: its frame never comes.
    vi.spyOn(window, 'requestAnimationFrame')
    vi.advanceTimersByTime(FRAME_FALLBACK_MS)
    expect(heard).toEqual(['hidden', 'asked for a frame'])
  })

  test("one observer's failure does not keep the others from their data", () => {
    visibility('visible')
    const schedule = frameScheduler()
    const heard: string[] = []
    const reported = vi.spyOn(console, 'error').mockImplementation(() => {})
    schedule(() => {
      throw new Error('observer failed')
    })
    schedule(() => heard.push('next'))
    vi.advanceTimersToNextFrame()
    expect(heard).toEqual(['next'])
    expect(reported).toHaveBeenCalledWith('query notification failed:', new Error('observer failed'))
  })
})
