import { describe, expect, test } from 'vitest'
import { parseArticle } from '../ingest/parse-article'
import { foldScript } from '../../src/lib/fold-script'
import { CORPUS_OUTLETS, createCorpus } from './corpus'
import { exactness, fromCounts } from './exactness'

const corpus = createCorpus(60)
const articles = Array.from({ length: corpus.n }, (_, index) => corpus.article(index))

describe('benchmark corpus', () => {
  test('every file is a 20–30 KB whole-page scrape', () => {
    for (const { content } of articles) {
      expect(Buffer.byteLength(content)).toBeGreaterThanOrEqual(20_000)
      expect(Buffer.byteLength(content)).toBeLessThanOrEqual(30 * 1024)
      for (const part of ['<nav', '<header', '<footer', '<script', '<article', 'related-articles']) expect(content).toContain(part)
    }
  })

  test('files carry front matter only (title, date, from) and the ingest reads them', () => {
    for (const article of articles) {
      expect(article.content).toMatch(/^---\ntitle: .*\ndate: .*\nfrom: .*\n---\n<!DOCTYPE html>/)
      expect(article.content).not.toMatch(/^\[.*\]\(https?:/m)
      const parsed = parseArticle(article.content)
      expect(parsed).toMatchObject({ ok: true, article: { title: article.title, url: article.url, publishedAt: article.publishedAt } })
    }
  })

  test('20 outlets in turn, four in Traditional script and one in English', () => {
    expect(new Set(articles.map((article) => article.outlet.host)).size).toBe(20)
    expect(CORPUS_OUTLETS.filter((outlet) => outlet.script === 'traditional')).toHaveLength(4)
    for (const { outlet, paragraphs } of articles) {
      const text = paragraphs.join('')
      if (outlet.script === 'english') expect(text).not.toMatch(/\p{Script=Han}/u)
      else if (outlet.script === 'traditional') expect(foldScript(text)).not.toBe(text.toLowerCase())
      else expect(text).toMatch(/\p{Script=Han}{20}/u)
    }
  })

  test('bodies are whole sentences, each many times over the corpus, not random characters', () => {
    const sentences = articles.filter((article) => article.outlet.script === 'simplified').flatMap((article) => article.paragraphs.join('').match(/[^。！？]+[。！？]/g) ?? [])
    const counts = new Map<string, number>()
    for (const sentence of sentences) counts.set(sentence, (counts.get(sentence) ?? 0) + 1)
    expect(sentences.length / counts.size).toBeGreaterThan(2)
  })

  test('query terms run from rare to common, in either script', () => {
    const large = createCorpus(1500)
    const terms = ['国安法', '健康码', '一带一路', '新冠疫苗', '台积电', '特朗普', '美联储']
    const counts = new Map(terms.map((term) => [term, 0]))
    for (let index = 0; index < large.n; index++) {
      const { title, paragraphs } = large.article(index)
      const text = foldScript(`${title}\n${paragraphs.join('\n')}`)
      for (const term of terms) if (text.includes(term)) counts.set(term, counts.get(term)! + 1)
    }
    const shares = terms.map((term) => counts.get(term)! / large.n)
    expect(shares[0]).toBeGreaterThan(0)
    expect(shares[0]).toBeLessThan(0.01)
    expect(shares.at(-1)).toBeGreaterThan(0.3)
    expect(shares).toEqual([...shares].sort((a, b) => a - b))
  })

  test('the same size gives the same corpus', () => {
    const again = createCorpus(60)
    for (const index of [0, 17, 59]) expect(again.article(index).content).toBe(articles[index]!.content)
    expect(() => createCorpus(0)).toThrow('corpus size must be a whole number ≥ 1, got 0')
  })
})

describe('precision and recall', () => {
  test('count what was listed that holds the query against all that hold it', () => {
    expect(exactness(new Set(['a', 'b', 'c', 'd']), ['a', 'b', 'c', 'x'])).toEqual({ truth: 4, shown: 4, correct: 3, precision: 0.75, recall: 0.75 })
    expect(exactness(new Set(['a']), ['a', 'a'])).toMatchObject({ shown: 1, precision: 1, recall: 1 })
  })

  test('an empty list is wrong nowhere, and no truth is missed by nothing', () => {
    expect(exactness(new Set(['a']), [])).toMatchObject({ precision: 1, recall: 0 })
    expect(exactness(new Set(), ['a'])).toMatchObject({ precision: 0, recall: 1 })
    expect(fromCounts(601, 601, 446)).toMatchObject({ precision: 446 / 601, recall: 446 / 601 })
    expect(() => fromCounts(3, 5, 4)).toThrow('correct results (4) cannot exceed the truth (3)')
  })
})

describe('truth', () => {
  test('folds script and case, and reads the text of cleaned HTML', async () => {
    const { articlesHolding, htmlText } = await import('./truth')
    expect(htmlText('<h2>標題</h2><p>A &amp; B<br>國安法</p><p>&#x4e2d;&#22269;</p>')).toBe('標題\nA & B\n國安法\n中国')
    const articles = [
      { id: 'a', title: '', text: '', folded: foldScript('香港國安法實施') },
      { id: 'b', title: '', text: '', folded: foldScript('国安部门；立法会通过法案') },
      { id: 'c', title: '', text: '', folded: foldScript('Hong Kong leader') },
    ]
    expect(articlesHolding(articles, ' 国安法 ')).toEqual(new Set(['a']))
    expect(articlesHolding(articles, 'HONG KONG')).toEqual(new Set(['c']))
    expect(() => articlesHolding(articles, '  ')).toThrow('an empty query has no truth')
  })
})
