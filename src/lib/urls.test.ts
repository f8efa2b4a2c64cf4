import { describe, expect, it } from 'vitest'
import { webUrl } from './urls'

describe('webUrl', () => {
  it('keeps http and https addresses', () => {
    expect(webUrl('https://www.bbc.com/zhongwen/simp/chinese-news-65032731')).toBe('https://www.bbc.com/zhongwen/simp/chinese-news-65032731')
  })
  it.each(['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,x', '/relative', '', null])('refuses %s', (value) => {
    expect(webUrl(value)).toBeNull()
  })
})
