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

  // Realistic openings of Traditional outlets' reports (written for these tests in each outlet's style).
  it.each([
    ['中央社', '（中央社記者游凱翔台北21日電）國防部今天表示，共軍今天上午派遣多架次軍機及艦艇在台海周邊活動，國軍運用聯合情監偵掌握，並以任務機、艦及岸置飛彈系統監控應處。', 'https://www.cna.com.tw/news/aipl/202303210001.aspx'],
    ['中央廣播電台', '行政院長今天在立法院答詢時表示，政府將持續強化國土安全，並與理念相近的國家深化合作，共同維護印太地區的和平與穩定。', 'https://www.rti.org.tw/news/view/id/2163421'],
    ['大紀元', '【大紀元2023年03月21日訊】（大紀元記者李心如綜合報導）中共領導人習近平週一抵達莫斯科，與俄羅斯總統普京舉行會談，外界關注雙方是否就烏克蘭戰爭達成任何協議。', 'https://www.epochtimes.com/b5/23/3/21/n13954321.htm'],
    ['香港', '特區政府發言人表示，《香港國安法》實施以來，社會秩序已恢復穩定，警方會繼續依法嚴正執法，維護國家安全。', 'https://news.mingpao.com/pns/x'],
  ])('reads a %s report as Traditional', (_, text, url) => {
    expect(detectLang(text, url)).toBe('zh-Hant')
    expect(detectLang(text)).toBe('zh-Hant') // without the URL's help too
  })

  it('lets clear text win over a URL that says the other script', () => {
    const simplified = '中共领导人习近平周一抵达莫斯科，与俄罗斯总统普京举行会谈，外界关注双方是否就乌克兰战争达成任何协议。'
    expect(detectLang(simplified, 'https://www.epochtimes.com/gb/23/3/21/n1.htm')).toBe('zh-Hans')
    expect(detectLang(simplified, 'https://www.epochtimes.com/b5/23/3/21/n1.htm')).toBe('zh-Hans')
    expect(detectLang('中文报导', 'https://www.epochtimes.com/b5/23/3/21/n1.htm')).toBe('zh-Hant')
  })

  it('keeps a Simplified report quoting a Traditional name, and an English one quoting Chinese, as they are', () => {
    expect(detectLang('据台湾《联合报》报道，“國防部”发言人表示，解放军今天在台湾周边进行了演习，这是今年以来规模最大的一次。')).toBe('zh-Hans')
    expect(detectLang('Taiwan’s Ministry of National Defense (國防部) said on Tuesday that Chinese aircraft crossed the median line of the strait.')).toBe('en')
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
