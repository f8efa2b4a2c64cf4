import { describe, expect, it } from 'vitest'
import { EMPTY_FILTERS } from './filters'
import { articleLink, webUrl } from './urls'

describe('webUrl', () => {
  it('keeps http and https addresses', () => {
    expect(webUrl('https://www.bbc.com/zhongwen/simp/chinese-news-65032731')).toBe('https://www.bbc.com/zhongwen/simp/chinese-news-65032731')
  })
  it.each(['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,x', '/relative', '', null])('refuses %s', (value) => {
    expect(webUrl(value)).toBeNull()
  })
})

describe('articleLink', () => {
  it('opens the article with no query when the list is unfiltered', () => {
    expect(articleLink('bbc-r27miehhcxnd', EMPTY_FILTERS)).toEqual({ pathname: '/articles/bbc-r27miehhcxnd', search: '' })
  })
  it('carries the list filters along, so previous/next stay within them', () => {
    expect(articleLink('voa-1', { outlets: ['bbc', 'voa'], from: '2023-03-01', to: null, q: '克里姆林宫' })).toEqual({
      pathname: '/articles/voa-1',
      search: '?outlet=bbc,voa&from=2023-03-01&q=%E5%85%8B%E9%87%8C%E5%A7%86%E6%9E%97%E5%AE%AB',
    })
  })
  it('keeps an id inside its path segment', () => {
    expect(articleLink('a/../b?c', EMPTY_FILTERS).pathname).toBe('/articles/a%2F..%2Fb%3Fc')
  })
})
