import { describe, expect, it } from 'vitest'
import { countChars, detectLang, readingMinutes } from './language'

describe('language', () => {
  it('tells English, Traditional and Simplified Chinese apart', () => {
    expect(detectLang('China and Russia pledge closer ties (習近平)')).toBe('en')
    expect(detectLang('俄羅斯總統普京在克里姆林宮歡迎來訪的中國國家主席習近平，雙方發表聯合聲明')).toBe('zh-Hant')
    expect(detectLang('俄罗斯总统普京在克里姆林宫欢迎来访的中国国家主席习近平，双方发表联合声明')).toBe('zh-Hans')
  })

  it('follows URL hints when the text alone is not decisive', () => {
    expect(detectLang('中文', 'https://www.bbc.com/zhongwen/trad/world-1')).toBe('zh-Hant')
    expect(detectLang('中文', 'https://www.nytimes.com/zh-hant/x')).toBe('zh-Hant')
    expect(detectLang('中文', 'https://www.bbc.com/zhongwen/simp/world-1')).toBe('zh-Hans')
  })

  it('counts non-whitespace characters, astral ones once', () => {
    expect(countChars(' 中 文\n𠀀a ')).toBe(4)
  })

  it('reads Chinese at 400 characters and English at 200 words a minute, at least one minute', () => {
    expect(readingMinutes('字'.repeat(1200), 'zh-Hans')).toBe(3)
    expect(readingMinutes('word '.repeat(1000), 'en')).toBe(5)
    expect(readingMinutes('短', 'zh-Hant')).toBe(1)
  })
})
